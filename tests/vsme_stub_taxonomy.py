# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A stand-in for EFRAG's VSME taxonomy schemas, built from the taxonomy
extraction the addon ships, as an XBRL taxonomy package Arelle loads offline
(``--packages``): its catalog maps ``https://xbrl.efrag.org/taxonomy/`` to
the package, so the report's schemaRef resolves without the Internet.

One schema per namespace declares every concept with its period type,
abstract flag and base XBRL type (the registry types of the real taxonomy,
e.g. ``dtr-types:energyItemType`` or ``enum2:enumerationItemType``, become
their base: ``xbrli:decimalItemType``, ``xbrli:tokenItemType``), the axes
as dimension items and the typed axes' domain element. No linkbase: Arelle
then checks the XBRL 2.1 and Inline XBRL rules (concepts, period types,
units, decimals, lexical values, contexts, dimension and member names,
typed members) but neither labels, nor hypercubes, nor enumeration domains,
which ``engine.vsme_xbrl.check_facts`` checks against the extraction.
"""

import os
import subprocess
import tempfile
import unittest
import zipfile
from glob import glob
from xml.sax.saxutils import quoteattr

from ..services.vsme_digital import taxonomy

ARELLE_GLOB = os.path.expanduser(
    "~/.cache/csr_management/arelle-venv-*/bin/arelleCmdLine"
)


def arelle_command():
    """The Arelle that scripts/test.sh installs in its own virtualenv."""
    found = os.environ.get("CSR_ARELLE") or next(iter(sorted(glob(ARELLE_GLOB))), "")
    return found if found and os.access(found, os.X_OK) else ""


XBRLI_XSD = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
XBRLDT_XSD = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
BASE = "https://xbrl.efrag.org/taxonomy/"
XBRLI_TYPES = {
    "xbrli:monetaryItemType",
    "xbrli:decimalItemType",
    "xbrli:pureItemType",
    "xbrli:stringItemType",
    "xbrli:booleanItemType",
    "xbrli:dateItemType",
    "xbrli:tokenItemType",
    "xbrli:integerItemType",
    "xbrli:nonNegativeIntegerItemType",
}


def _file_of(namespace):
    """Where a namespace's stub schema lives, relative to BASE."""
    tail = namespace.split("://", 1)[1].replace("/", "_").replace(".", "_")
    return f"stub/{tail}.xsd"


def _schemas(tax):
    """{path under BASE: schema text} for every namespace of the concepts."""
    by_prefix = {}
    for name, concept in tax.concepts.items():
        by_prefix.setdefault(name.split(":", 1)[0], []).append((name, concept))
    # the typed axes' domain elements (vsme:TYP)
    typed = {
        concept["other"]["typedElement"]
        for concept in tax.concepts.values()
        if concept.get("other", {}).get("typedElement")
    }
    out = {}
    for prefix, concepts in by_prefix.items():
        namespace = tax.namespaces[prefix]
        path = (
            "vsme/2026-05-01/vsme-all.xsd" if prefix == "vsme" else _file_of(namespace)
        )
        out[path] = _schema(prefix, namespace, concepts, typed, tax)
    return out


def _schema(prefix, namespace, concepts, typed, tax):
    elements = []
    for name, concept in concepts:
        local = name.split(":", 1)[1]
        base = concept.get("baseDataType") or "xbrli:stringItemType"
        if base not in XBRLI_TYPES:
            base = "xbrli:stringItemType"
        group = "xbrldt:dimensionItem" if concept.get("dimension") else "xbrli:item"
        extra = ""
        if concept.get("other", {}).get("typedElement"):
            element = concept["other"]["typedElement"].split(":", 1)[1]
            extra = f' xbrldt:typedDomainRef="#{element}"'
        elements.append(
            f'<xs:element name="{local}" id={quoteattr(local)} type="{base}"'
            f' substitutionGroup="{group}" xbrli:periodType="{concept["periodType"]}"'
            f' abstract="{"true" if concept.get("abstract") else "false"}"'
            f' nillable="true"{extra}/>'
        )
    for element in typed:
        element_prefix, local = element.split(":", 1)
        if element_prefix == prefix:
            elements.append(
                f'<xs:element name="{local}" id="{local}" type="xs:string"/>'
            )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:xbrli="http://www.xbrl.org/2003/instance"'
        ' xmlns:xbrldt="http://xbrl.org/2005/xbrldt"'
        f" targetNamespace={quoteattr(namespace)}"
        ' elementFormDefault="qualified" attributeFormDefault="unqualified">'
        f'<xs:import namespace="http://www.xbrl.org/2003/instance"'
        f' schemaLocation="{XBRLI_XSD}"/>'
        f'<xs:import namespace="http://xbrl.org/2005/xbrldt"'
        f' schemaLocation="{XBRLDT_XSD}"/>' + "".join(elements) + "</xs:schema>"
    )


def write_package(tax, path):
    """Write the stub taxonomy package (a zip) to ``path``."""
    schemas = _schemas(tax)
    # the entry point imports the other namespaces' stubs
    entry = "vsme/2026-05-01/vsme-all.xsd"
    imports = "".join(
        f"<xs:import namespace={quoteattr(_namespace_of(tax, p))}"
        f' schemaLocation="{BASE}{p}"/>'
        for p in schemas
        if p != entry
    )
    schemas[entry] = schemas[entry].replace(
        f'<xs:import namespace="http://xbrl.org/2005/xbrldt"'
        f' schemaLocation="{XBRLDT_XSD}"/>',
        f'<xs:import namespace="http://xbrl.org/2005/xbrldt"'
        f' schemaLocation="{XBRLDT_XSD}"/>{imports}',
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            "vsme-stub/META-INF/taxonomyPackage.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package"'
            ' xml:lang="en"><tp:identifier>urn:csr-management:vsme-stub'
            "</tp:identifier><tp:name>VSME stub for offline checks</tp:name>"
            "<tp:version>2026-05-01</tp:version></tp:taxonomyPackage>",
        )
        package.writestr(
            "vsme-stub/META-INF/catalog.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
            f'<rewriteURI uriStartString="{BASE}" rewritePrefix="../taxonomy/"/>'
            "</catalog>",
        )
        for name, text in schemas.items():
            package.writestr(f"vsme-stub/taxonomy/{name}", text)


def _namespace_of(tax, path):
    for namespace in tax.namespaces.values():
        if _file_of(namespace) == path:
            return namespace
    raise KeyError(path)


def run_arelle(html, stub=False):
    """[(message code, text)] of Arelle's validation of ``html``, offline,
    without its "info" lines; skips the test when Arelle is not installed."""
    command = arelle_command()
    if not command:
        raise unittest.SkipTest(
            "Arelle is not installed: run scripts/test.sh, which installs "
            "arelle-release into its own virtualenv, or set CSR_ARELLE."
        )
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "vsme.xhtml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(html)
        args = [
            command,
            "--file",
            path,
            "--validate",
            "--internetConnectivity=offline",
            "--logFormat=[%(messageCode)s] %(message)s",
        ]
        if stub:
            package = os.path.join(folder, "vsme-stub.zip")
            write_package(taxonomy(), package)
            args += ["--packages", package]
        result = subprocess.run(
            args, capture_output=True, text=True, timeout=300, check=False
        )
    messages = []
    for line in (result.stdout + result.stderr).splitlines():
        if line.startswith("["):
            code, _bracket, text = line[1:].partition("] ")
            if code != "info":
                messages.append((code, text))
    return messages
