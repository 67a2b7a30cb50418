/**
 * Postcodes that lie in the municipalities the demo and the tests use (the programme's named partners and their
 * neighbours), so seeded people live where they say they do. Not a full postcode register: other municipalities fall
 * back to any Danish postcode in the factories.
 */
export const POSTCODES_BY_MUNICIPALITY: Record<number, readonly string[]> = {
  101: ["1050", "1360", "1550", "2100", "2200", "2300", "2400", "2450", "2500"], // København
  185: ["2770"], // Tårnby
  390: ["4760", "4720", "4735", "4771", "4780", "4792"], // Vordingborg
  430: ["5600", "5642", "5672", "5750", "5772", "5792"], // Faaborg-Midtfyn
  510: ["6100", "6070", "6093", "6500", "6560"], // Haderslev
  530: ["7190", "7200", "7250", "7260"], // Billund
  540: ["6400", "6300", "6310", "6430", "6440", "6470"], // Sønderborg
  550: ["6270", "6240", "6261", "6280", "6520", "6780"], // Tønder
  561: ["6700", "6705", "6710", "6715", "6731", "6740"], // Esbjerg
  575: ["6600", "6630", "6650", "6660", "6670", "6682"], // Vejen
  580: ["6200", "6230", "6330", "6340", "6360", "6392"], // Aabenraa
  621: ["6000", "6040", "6051", "6052", "6064", "6091", "6092", "6094", "6580", "6640"], // Kolding
  657: ["7400", "6933", "7451", "7480", "7490", "7540"], // Herning
  707: ["8500", "8570", "8581", "8585", "8586", "8963"], // Norddjurs
  751: [
    "8000",
    "8200",
    "8210",
    "8220",
    "8230",
    "8240",
    "8250",
    "8260",
    "8270",
    "8310",
    "8320",
    "8330",
    "8340",
    "8355",
    "8361",
    "8380",
    "8381",
    "8462",
    "8471",
    "8520",
    "8530",
    "8541",
  ], // Aarhus
};

/** A postcode in the municipality, chosen by `roll` (any whole number); null when the municipality is not listed. */
export function postcodeIn(municipalityCode: number, roll: number): string | null {
  const list = POSTCODES_BY_MUNICIPALITY[municipalityCode];
  return list ? list[Math.abs(Math.trunc(roll)) % list.length] : null;
}
