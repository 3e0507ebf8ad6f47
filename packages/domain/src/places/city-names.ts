/**
 * French names of cities whose French name differs from the English one (exonyms), keyed by the English name the
 * ledger stores. Cities are typed by officers in English; where French has its own name for the city, the French
 * reader sees it ("Varsovie"), and every other city keeps the name it was entered with.
 */
export const FRENCH_CITY_NAMES: Readonly<Record<string, string>> = {
  Algiers: "Alger",
  Athens: "Athènes",
  Beijing: "Pékin",
  Beirut: "Beyrouth",
  Brussels: "Bruxelles",
  Bucharest: "Bucarest",
  Cairo: "Le Caire",
  Cartagena: "Carthagène",
  Copenhagen: "Copenhague",
  Geneva: "Genève",
  "The Hague": "La Haye",
  Kabul: "Kaboul",
  Lisbon: "Lisbonne",
  London: "Londres",
  "Mexico City": "Mexico",
  Moscow: "Moscou",
  "New Delhi": "New Delhi",
  "New York": "New York",
  Oslo: "Oslo",
  Prague: "Prague",
  "Quebec City": "Québec",
  Montreal: "Montréal",
  Tbilisi: "Tbilissi",
  Vienna: "Vienne",
  Warsaw: "Varsovie",
  Zagreb: "Zagreb",
};

/** The city's name in the reader's language, from the table above; a city it does not list keeps its own name. */
export function cityName(city: string, locale: string): string {
  if (!locale.startsWith("fr")) return city;
  return FRENCH_CITY_NAMES[city.trim()] ?? city;
}
