/**
 * Names for made-up people: Danish first and last names, citizens' names by language, and how often each language
 * appears among referred citizens in the demo.
 */

export const DANISH_FIRST = [
  "Mette",
  "Lars",
  "Anne",
  "Jens",
  "Hanne",
  "Peter",
  "Susanne",
  "Søren",
  "Camilla",
  "Henrik",
  "Louise",
  "Morten",
  "Line",
  "Thomas",
  "Charlotte",
  "Rasmus",
  "Pernille",
  "Mads",
  "Tina",
  "Jesper",
  "Kirsten",
  "Anders",
  "Maria",
  "Niels",
  "Birgitte",
  "Kasper",
  "Helle",
  "Martin",
  "Ida",
  "Frederik",
] as const;
export const DANISH_LAST = [
  "Nielsen",
  "Jensen",
  "Hansen",
  "Pedersen",
  "Andersen",
  "Christensen",
  "Larsen",
  "Sørensen",
  "Rasmussen",
  "Jørgensen",
  "Petersen",
  "Madsen",
  "Kristensen",
  "Olsen",
  "Thomsen",
  "Poulsen",
  "Johansen",
  "Møller",
  "Mortensen",
  "Knudsen",
] as const;

/** Mentee names by the language they read best, with a typical gender split. */
export const MENTEE_NAMES: Record<string, { female: string[]; male: string[]; last: string[] }> = {
  ar: {
    female: ["Rania", "Hiba", "Yasmin", "Nour", "Lama", "Reem"],
    male: ["Mohammad", "Ahmad", "Omar", "Khaled", "Bashar", "Yousef"],
    last: ["Al-Hassan", "Haddad", "Khalil", "Darwish", "Najjar", "Sabbagh", "Mansour"],
  },
  ti: {
    female: ["Senait", "Helen", "Selam", "Rahwa", "Luwam"],
    male: ["Yonas", "Filmon", "Mehari", "Tesfay", "Biniam"],
    last: ["Tesfaye", "Ghebremedhin", "Habte", "Kidane", "Berhane", "Woldu", "Tekle"],
  },
  prs: {
    female: ["Mariam", "Zahra", "Nargis", "Shabnam"],
    male: ["Farid", "Hamid", "Sohrab", "Javid", "Mustafa"],
    last: ["Ahmadi", "Rahimi", "Hosseini", "Sultani", "Karimi", "Noori", "Azizi"],
  },
  fa: {
    female: ["Parisa", "Shirin", "Leila"],
    male: ["Reza", "Dariush", "Babak"],
    last: ["Mohammadi", "Rezaei", "Jafari"],
  },
  uk: {
    female: ["Olena", "Iryna", "Oksana", "Kateryna", "Natalia", "Yulia"],
    male: ["Andrii", "Dmytro", "Serhii", "Oleksandr"],
    last: ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko", "Boyko"],
  },
  so: {
    female: ["Hodan", "Fartun", "Asha", "Ayaan"],
    male: ["Abdi", "Mohamed", "Abdirahman"],
    last: ["Warsame", "Farah", "Abdullahi", "Osman"],
  },
  kmr: { female: ["Rojin", "Berivan", "Dilan"], male: ["Azad", "Rezan", "Baran"], last: ["Xelil", "Ehmed", "Silêman"] },
  ps: { female: ["Gulalai", "Malalai"], male: ["Nasir", "Gul", "Ajmal"], last: ["Safi", "Wardak", "Popal"] },
};
/** How often each language appears among referred citizens in the demo. */
export const MENTEE_LANGUAGE_WEIGHTS: [string, number][] = [
  ["ar", 30],
  ["ti", 18],
  ["prs", 12],
  ["uk", 20],
  ["so", 7],
  ["fa", 5],
  ["kmr", 5],
  ["ps", 3],
];
