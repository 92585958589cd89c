# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The greenhouse-gas inventory of one activity in one month, gas by gas.

A factor gives either each gas per unit (kg CO2, CH4, N2O, or kg of a
refrigerant), turned into CO2e with the company's GWP set, or a CO2e per unit
as its publisher computed it (grid electricity). Fuels sold blended with a
biofuel (Brazil's E30 petrol, B15 diesel…) split into a fossil part, whose
CO2 counts in Scope 1, and a bio part, whose CO2 is biogenic and reported
apart (GRI 305-1 c); the CH4 and N2O of both parts count in Scope 1.

GWP-100 values: IPCC AR5 WG I (2013), ch. 8, table 8.A.1 (CH4 28, N2O 265,
without climate-carbon feedbacks, as the UNFCCC inventories and Mexico's RENE
use); IPCC AR6 WG I (2021), ch. 7, table 7.15 (CH4 27.0, N2O 273). The CH4
of combustion takes the non-fossil value in both sets: a fuel's CO2 factor
already counts all its carbon as CO2, so the fossil value (AR5 30, AR6 29.8),
which adds the CO2 the methane turns into, would count that carbon twice
(GHG Protocol, "IPCC Global Warming Potential Values", v2.0, August 2024).
"""

from dataclasses import dataclass

from .emissions import KG_PER_TONNE

GWP_SETS = ("ar5", "ar6")
GWP_CH4 = {"ar5": 28.0, "ar6": 27.0}
GWP_N2O = {"ar5": 265.0, "ar6": 273.0}


@dataclass(frozen=True)
class Gases:
    """What one unit of an activity emits: kg of each gas, or a published
    kgCO2e when the gases are not given apart, and the biogenic CO2."""

    co2: float = 0.0
    ch4: float = 0.0
    n2o: float = 0.0
    co2e: float = 0.0  # as published, used only when no gas is given apart
    biogenic_co2: float = 0.0

    @property
    def by_gas(self):
        return bool(self.co2 or self.ch4 or self.n2o)


def kg_co2e_by_gas(gases, gwp_set):
    """{gas: kg CO2e} of one unit, gases not given apart under "co2e".

    Road diesel, IPCC 2006 (74,100 kg CO2, 3.9 kg CH4, 3.9 kg N2O per TJ),
    36.12 MJ per litre:

    >>> litre = Gases(co2=2.6765, ch4=0.000141, n2o=0.000141)
    >>> {gas: round(kg, 5) for gas, kg in kg_co2e_by_gas(litre, "ar5").items()}
    {'co2': 2.6765, 'ch4': 0.00395, 'n2o': 0.03737}
    >>> kg_co2e_by_gas(Gases(co2e=0.112), "ar6")
    {'co2e': 0.112}
    """
    if not gases.by_gas:
        return {"co2e": gases.co2e} if gases.co2e else {}
    found = {
        "co2": gases.co2,
        "ch4": gases.ch4 * GWP_CH4[gwp_set],
        "n2o": gases.n2o * GWP_N2O[gwp_set],
    }
    return {gas: kg for gas, kg in found.items() if kg}


def blend_parts(quantity, bio_share_percent):
    """(fossil, bio) quantities of a blended fuel, by volume.

    >>> blend_parts(1000.0, 30.0)  # 1,000 L of Brazilian E30 petrol
    (700.0, 300.0)
    >>> blend_parts(50.0, 0.0)
    (50.0, 0.0)
    """
    bio = quantity * bio_share_percent / 100.0
    return quantity - bio, bio


def scale_gases_to_energy(gases, from_mj_per_unit, to_mj_per_unit):
    """The CH4 and N2O of a fuel's combustion, per unit of another fuel
    burnt the same way: they depend on the engine or boiler and the energy
    burnt, not on the fuel's carbon. CO2 is not carried over.

    >>> petrol = Gases(co2=2.2717, ch4=0.00082, n2o=0.000262)
    >>> ethanol = scale_gases_to_energy(petrol, 32.78, 21.06)
    >>> round(ethanol.ch4, 6), round(ethanol.n2o, 6), ethanol.co2
    (0.000527, 0.000168, 0.0)
    """
    if not from_mj_per_unit:
        return Gases()
    ratio = to_mj_per_unit / from_mj_per_unit
    return Gases(ch4=gases.ch4 * ratio, n2o=gases.n2o * ratio)


def tonnes(quantity, kg_per_unit):
    """
    >>> tonnes(10000.0, 2.6765)
    26.765
    """
    return quantity * kg_per_unit / KG_PER_TONNE


def inventory_tonnes(quantity, gases, gwp_set):
    """({gas: tCO2e}, biogenic tCO2) of a quantity.

    10,000 L of stationary diesel (IPCC 2006 table 2.4, commercial: CH4 10,
    N2O 0.6 kg/TJ → 0.0003612 and 0.00002167 kg/L) under AR5:

    >>> diesel = Gases(co2=2.6765, ch4=0.0003612, n2o=0.00002167)
    >>> by_gas, bio = inventory_tonnes(10000.0, diesel, "ar5")
    >>> {gas: round(t, 4) for gas, t in by_gas.items()}, bio
    ({'co2': 26.765, 'ch4': 0.1011, 'n2o': 0.0574}, 0.0)

    1,000 kg of firewood, whose CO2 is biogenic, under AR6:

    >>> wood = Gases(ch4=0.00468, n2o=0.0000624, biogenic_co2=1.7472)
    >>> by_gas, bio = inventory_tonnes(1000.0, wood, "ar6")
    >>> {gas: round(t, 5) for gas, t in by_gas.items()}, round(bio, 4)
    ({'ch4': 0.12636, 'n2o': 0.01704}, 1.7472)
    """
    by_gas = {
        gas: tonnes(quantity, kg) for gas, kg in kg_co2e_by_gas(gases, gwp_set).items()
    }
    return by_gas, tonnes(quantity, gases.biogenic_co2)
