// Static tables the generator draws from: TMDB's real genre lists, languages, countries,
// name lists per language group, title/overview word lists, keywords, companies, networks
// and watch providers. Nothing here depends on the seed.

export interface GenreEntry {
  id: number;
  name: string;
}

/** TMDB's movie genre list, in the order /genre/movie/list returns it. */
export const MOVIE_GENRES: readonly GenreEntry[] = [
  { id: 28, name: "Action" },
  { id: 12, name: "Adventure" },
  { id: 16, name: "Animation" },
  { id: 35, name: "Comedy" },
  { id: 80, name: "Crime" },
  { id: 99, name: "Documentary" },
  { id: 18, name: "Drama" },
  { id: 10751, name: "Family" },
  { id: 14, name: "Fantasy" },
  { id: 36, name: "History" },
  { id: 27, name: "Horror" },
  { id: 10402, name: "Music" },
  { id: 9648, name: "Mystery" },
  { id: 10749, name: "Romance" },
  { id: 878, name: "Science Fiction" },
  { id: 10770, name: "TV Movie" },
  { id: 53, name: "Thriller" },
  { id: 10752, name: "War" },
  { id: 37, name: "Western" },
];

/** TMDB's tv genre list, in the order /genre/tv/list returns it. */
export const TV_GENRES: readonly GenreEntry[] = [
  { id: 10759, name: "Action & Adventure" },
  { id: 16, name: "Animation" },
  { id: 35, name: "Comedy" },
  { id: 80, name: "Crime" },
  { id: 99, name: "Documentary" },
  { id: 18, name: "Drama" },
  { id: 10751, name: "Family" },
  { id: 10762, name: "Kids" },
  { id: 9648, name: "Mystery" },
  { id: 10763, name: "News" },
  { id: 10764, name: "Reality" },
  { id: 10765, name: "Sci-Fi & Fantasy" },
  { id: 10766, name: "Soap" },
  { id: 10767, name: "Talk" },
  { id: 10768, name: "War & Politics" },
  { id: 37, name: "Western" },
];

/** Primary-genre weight and co-occurring genres (weighted) for plausible genre sets. */
export interface GenreModel {
  weight: number;
  companions: ReadonlyArray<readonly [number, number]>;
}

export const MOVIE_GENRE_MODEL: Readonly<Record<number, GenreModel>> = {
  28: { weight: 9, companions: [[12, 4], [53, 4], [878, 3], [80, 3], [35, 2], [14, 1.5], [10752, 0.5]] },
  12: { weight: 4, companions: [[28, 4], [14, 3], [10751, 2.5], [878, 2], [35, 1.5], [16, 1.5]] },
  16: { weight: 4, companions: [[10751, 5], [35, 4], [12, 3], [14, 2]] },
  35: { weight: 15, companions: [[18, 4], [10749, 4], [10751, 2], [80, 1], [10402, 0.5]] },
  80: { weight: 5, companions: [[53, 5], [18, 4], [9648, 2], [28, 2], [35, 0.8]] },
  99: { weight: 6, companions: [[10402, 2], [36, 2], [18, 0.5]] },
  18: { weight: 20, companions: [[10749, 4], [36, 2], [80, 2], [53, 2], [10752, 1], [35, 2], [10402, 1]] },
  10751: { weight: 3, companions: [[16, 4], [35, 4], [12, 3], [14, 2]] },
  14: { weight: 3, companions: [[12, 4], [10751, 2], [28, 2], [16, 1.5], [27, 1]] },
  36: { weight: 2, companions: [[18, 5], [10752, 3], [10749, 1]] },
  27: { weight: 7, companions: [[53, 5], [9648, 3], [14, 1], [878, 1]] },
  10402: { weight: 2, companions: [[18, 4], [99, 3], [35, 2], [10749, 2]] },
  9648: { weight: 3, companions: [[53, 5], [80, 3], [27, 2], [18, 2]] },
  10749: { weight: 5, companions: [[18, 5], [35, 4]] },
  878: { weight: 4, companions: [[28, 4], [12, 3], [53, 3], [27, 1]] },
  10770: { weight: 2, companions: [[18, 3], [35, 2], [10749, 2], [10751, 1]] },
  53: { weight: 8, companions: [[80, 4], [18, 3], [9648, 3], [28, 3], [27, 2]] },
  10752: { weight: 1.5, companions: [[18, 4], [36, 4], [28, 3]] },
  37: { weight: 1.5, companions: [[28, 3], [18, 3], [12, 2]] },
};

export const TV_GENRE_MODEL: Readonly<Record<number, GenreModel>> = {
  18: { weight: 22, companions: [[80, 4], [9648, 3], [10765, 2], [10751, 1.5], [10768, 1], [10759, 2], [35, 2]] },
  35: { weight: 18, companions: [[18, 4], [10751, 2], [16, 1.5]] },
  10759: { weight: 9, companions: [[10765, 4], [18, 4], [80, 2], [16, 2]] },
  80: { weight: 8, companions: [[18, 5], [9648, 3], [10759, 2]] },
  10765: { weight: 7, companions: [[18, 4], [10759, 4], [16, 2], [9648, 1.5]] },
  16: { weight: 8, companions: [[10759, 3], [35, 3], [10765, 3], [10762, 2], [10751, 2]] },
  99: { weight: 7, companions: [[80, 1], [10768, 1], [10764, 0.5]] },
  10764: { weight: 6, companions: [[35, 2], [99, 1]] },
  9648: { weight: 4, companions: [[18, 4], [80, 3], [10765, 2]] },
  10751: { weight: 3, companions: [[35, 4], [16, 3], [10762, 2]] },
  10762: { weight: 3, companions: [[16, 5], [10751, 3], [35, 2]] },
  10767: { weight: 2, companions: [[35, 3], [10763, 1]] },
  10763: { weight: 1.5, companions: [[10767, 1], [99, 2]] },
  10766: { weight: 2, companions: [[18, 5]] },
  10768: { weight: 1.5, companions: [[18, 4], [99, 2]] },
  37: { weight: 1, companions: [[18, 3], [10759, 3]] },
};

/** How many genres a title has (1–4). */
export const GENRE_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [1, 30],
  [2, 36],
  [3, 24],
  [4, 10],
];

export interface LanguageEntry {
  code: string;
  englishName: string;
  nativeName: string;
  movieWeight: number;
  tvWeight: number;
  countries: ReadonlyArray<readonly [string, number]>;
  /** which name list people of this language draw from */
  nameGroup: string;
}

export const LANGUAGES: readonly LanguageEntry[] = [
  { code: "en", englishName: "English", nativeName: "English", movieWeight: 62, tvWeight: 55, countries: [["US", 70], ["GB", 22], ["CA", 4], ["AU", 4]], nameGroup: "en" },
  { code: "fr", englishName: "French", nativeName: "Français", movieWeight: 6, tvWeight: 4, countries: [["FR", 85], ["BE", 8], ["CA", 7]], nameGroup: "fr" },
  { code: "es", englishName: "Spanish", nativeName: "Español", movieWeight: 6, tvWeight: 6, countries: [["ES", 50], ["MX", 35], ["AR", 15]], nameGroup: "es" },
  { code: "ja", englishName: "Japanese", nativeName: "日本語", movieWeight: 6, tvWeight: 12, countries: [["JP", 1]], nameGroup: "ja" },
  { code: "ko", englishName: "Korean", nativeName: "한국어/조선말", movieWeight: 5, tvWeight: 9, countries: [["KR", 1]], nameGroup: "ko" },
  { code: "de", englishName: "German", nativeName: "Deutsch", movieWeight: 3, tvWeight: 3, countries: [["DE", 85], ["AT", 15]], nameGroup: "de" },
  { code: "it", englishName: "Italian", nativeName: "Italiano", movieWeight: 3, tvWeight: 2, countries: [["IT", 1]], nameGroup: "it" },
  { code: "hi", englishName: "Hindi", nativeName: "हिन्दी", movieWeight: 3, tvWeight: 2, countries: [["IN", 1]], nameGroup: "hi" },
  { code: "zh", englishName: "Mandarin", nativeName: "普通话", movieWeight: 2, tvWeight: 3, countries: [["CN", 70], ["TW", 30]], nameGroup: "zh" },
  { code: "pt", englishName: "Portuguese", nativeName: "Português", movieWeight: 1.5, tvWeight: 2, countries: [["BR", 70], ["PT", 30]], nameGroup: "pt" },
  { code: "sv", englishName: "Swedish", nativeName: "svenska", movieWeight: 1, tvWeight: 1, countries: [["SE", 1]], nameGroup: "nordic" },
  { code: "da", englishName: "Danish", nativeName: "Dansk", movieWeight: 0.7, tvWeight: 0.7, countries: [["DK", 1]], nameGroup: "nordic" },
  { code: "ru", englishName: "Russian", nativeName: "Pусский", movieWeight: 0.8, tvWeight: 0.6, countries: [["RU", 1]], nameGroup: "ru" },
  { code: "tr", englishName: "Turkish", nativeName: "Türkçe", movieWeight: 0.5, tvWeight: 0.7, countries: [["TR", 1]], nameGroup: "tr" },
];

export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  US: "United States of America",
  GB: "United Kingdom",
  CA: "Canada",
  AU: "Australia",
  FR: "France",
  BE: "Belgium",
  ES: "Spain",
  MX: "Mexico",
  AR: "Argentina",
  JP: "Japan",
  KR: "South Korea",
  DE: "Germany",
  AT: "Austria",
  IT: "Italy",
  IN: "India",
  CN: "China",
  TW: "Taiwan",
  BR: "Brazil",
  PT: "Portugal",
  SE: "Sweden",
  DK: "Denmark",
  RU: "Russia",
  TR: "Turkey",
};

export interface NameList {
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
  /** places of birth for people of this group */
  cities: readonly string[];
}

export const NAME_GROUPS: Readonly<Record<string, NameList>> = {
  en: {
    male: ["James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Patrick", "Frank", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Henry", "Adam", "Douglas", "Nathan", "Peter", "Zachary", "Kyle", "Walter", "Harold", "Jeremy", "Ethan", "Carl", "Keith", "Roger", "Gerald", "Christian", "Terry", "Sean", "Arthur", "Austin", "Noah", "Lawrence", "Jesse", "Joe", "Bryan", "Billy", "Jordan", "Albert", "Dylan", "Bruce", "Willie", "Gabriel", "Alan", "Juan", "Logan", "Wayne", "Ralph", "Roy", "Eugene", "Randy", "Vincent", "Russell", "Louis", "Philip", "Bobby", "Johnny", "Bradley", "Owen", "Oscar", "Miles", "Elliot", "Hugh", "Colin", "Rhys", "Idris", "Dev", "Jude", "Cillian", "Domhnall"],
    female: ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Dorothy", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy", "Shirley", "Angela", "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma", "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Catherine", "Carolyn", "Janet", "Ruth", "Maria", "Heather", "Diane", "Virginia", "Julie", "Joyce", "Victoria", "Olivia", "Kelly", "Christina", "Lauren", "Joan", "Evelyn", "Judith", "Megan", "Cheryl", "Andrea", "Hannah", "Martha", "Jacqueline", "Frances", "Gloria", "Ann", "Teresa", "Kathryn", "Sara", "Janice", "Jean", "Alice", "Madison", "Doris", "Abigail", "Julia", "Judy", "Grace", "Denise", "Amber", "Marilyn", "Beverly", "Danielle", "Theresa", "Sophia", "Marie", "Diana", "Brittany", "Natalie", "Isabella", "Charlotte", "Rose", "Alexis", "Kayla", "Saoirse", "Florence", "Zendaya", "Imogen", "Thandiwe", "Greta", "Keira", "Rosamund", "Carey", "Naomi"],
    last: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton", "Graham", "Wallace", "West", "Cole", "Hayes", "Gibson", "Ellis", "Stevens", "Murray", "Ford", "Marshall", "Owens", "McDonald", "Harrison", "Kennedy", "Wells", "Dunn", "Hunt", "Palmer", "Holland", "Fletcher", "Whitaker", "Kingsley", "Blackwood", "Ashworth", "Thornton", "Lancaster", "Hargreaves", "Delaney", "O'Connor", "McAllister", "Fairbanks", "Sinclair", "Lockhart", "Caldwell", "Pemberton", "Winslow", "Radcliffe", "Hawthorne", "Vance", "Mercer", "Calloway", "Donovan", "Ferris", "Garland", "Hollis", "Keaton", "Langley", "Monroe", "Prescott", "Quinn", "Sterling", "Tate", "Underwood", "Voss", "Whitman", "York", "Zimmer"],
    cities: ["Los Angeles, California, USA", "New York City, New York, USA", "Chicago, Illinois, USA", "London, England, UK", "Manchester, England, UK", "Toronto, Ontario, Canada", "Sydney, New South Wales, Australia", "Dublin, Ireland", "Boston, Massachusetts, USA", "Atlanta, Georgia, USA"],
  },
  fr: {
    male: ["Jean", "Pierre", "Louis", "Antoine", "Julien", "Mathieu", "Nicolas", "Olivier", "Vincent", "Romain", "Guillaume", "Thomas", "Laurent", "François", "Benoît", "Gérard", "Alain", "Yves", "Jérôme", "Omar", "Tahar", "Vincent", "Damien", "Clément"],
    female: ["Marie", "Camille", "Juliette", "Léa", "Claire", "Isabelle", "Catherine", "Sophie", "Audrey", "Emmanuelle", "Marion", "Adèle", "Charlotte", "Élodie", "Nathalie", "Virginie", "Béatrice", "Agnès", "Mélanie", "Céline"],
    last: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garnier", "Rousseau", "Fontaine", "Chevalier", "Lambert", "Bonnet", "Dupont", "Mercier", "Blanchard", "Gauthier", "Perrin", "Morel", "Girard", "Marchand", "Delon", "Cassel"],
    cities: ["Paris, France", "Lyon, France", "Marseille, France", "Bordeaux, France", "Brussels, Belgium", "Montréal, Québec, Canada"],
  },
  es: {
    male: ["Javier", "Alejandro", "Diego", "Carlos", "Luis", "Pablo", "Miguel", "Antonio", "Fernando", "Sergio", "Raúl", "Manuel", "Ricardo", "Gael", "Eduardo", "Álvaro", "Andrés", "Mario", "Joaquín", "Ramón"],
    female: ["María", "Lucía", "Carmen", "Sofía", "Paula", "Elena", "Isabel", "Penélope", "Ana", "Marta", "Laura", "Cristina", "Valeria", "Ximena", "Inma", "Belén", "Rocío", "Alba", "Úrsula", "Natalia"],
    last: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Molina", "Castillo", "Ortega", "Delgado", "Bardem", "Cuarón"],
    cities: ["Madrid, Spain", "Barcelona, Spain", "Seville, Spain", "Mexico City, Mexico", "Guadalajara, Mexico", "Buenos Aires, Argentina"],
  },
  ja: {
    male: ["Hiroshi", "Takeshi", "Kenji", "Kazuki", "Ryo", "Haruto", "Sota", "Yuto", "Daisuke", "Takumi", "Shota", "Kenta", "Masaki", "Koji", "Tatsuya", "Satoshi", "Yusuke", "Hideo", "Makoto", "Shun"],
    female: ["Yuki", "Haruka", "Aoi", "Sakura", "Yui", "Mei", "Rin", "Hina", "Misaki", "Ayumi", "Naomi", "Kaori", "Emi", "Nanami", "Mio", "Rinko", "Keiko", "Yoko", "Aya", "Tomoko"],
    last: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Yamazaki", "Mori", "Abe", "Ikeda", "Hashimoto", "Ishikawa", "Ogawa", "Okada", "Kurosawa", "Miyazaki", "Kore-eda"],
    cities: ["Tokyo, Japan", "Osaka, Japan", "Kyoto, Japan", "Yokohama, Japan", "Sapporo, Japan"],
  },
  ko: {
    male: ["Min-ho", "Ji-hoon", "Seung-woo", "Hyun-bin", "Dong-won", "Jae-suk", "Tae-yang", "Sung-kyu", "Woo-jin", "Byung-hun", "Kang-ho", "Jung-woo", "Yoo-chun", "Sang-woo", "Joon-ho"],
    female: ["Ji-yeon", "Soo-ah", "Min-ji", "Hye-jin", "Yoo-na", "Seo-yeon", "Ji-won", "Eun-bi", "Da-hee", "Hae-won", "Ye-jin", "Jun-hee", "So-ri", "Bo-young", "Go-eun"],
    last: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Song", "Bae", "Hwang", "Ahn", "Yoo"],
    cities: ["Seoul, South Korea", "Busan, South Korea", "Incheon, South Korea", "Daegu, South Korea"],
  },
  de: {
    male: ["Lukas", "Felix", "Jonas", "Maximilian", "Tobias", "Florian", "Matthias", "Stefan", "Jürgen", "Klaus", "Moritz", "Til", "Daniel", "August", "Bruno", "Christoph", "Ulrich", "Wolfgang"],
    female: ["Anna", "Lena", "Hannah", "Sophie", "Laura", "Katharina", "Julia", "Sandra", "Nina", "Franka", "Diane", "Martina", "Heike", "Birgit", "Sibel", "Paula"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Brühl", "Herzog"],
    cities: ["Berlin, Germany", "Munich, Germany", "Hamburg, Germany", "Cologne, Germany", "Vienna, Austria"],
  },
  it: {
    male: ["Marco", "Alessandro", "Luca", "Giuseppe", "Francesco", "Matteo", "Lorenzo", "Andrea", "Roberto", "Stefano", "Paolo", "Giorgio", "Toni", "Pierfrancesco", "Riccardo", "Valerio"],
    female: ["Giulia", "Chiara", "Francesca", "Sofia", "Alessandra", "Valentina", "Elena", "Monica", "Sabrina", "Alba", "Jasmine", "Isabella", "Paola", "Margherita", "Anna", "Lucia"],
    last: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Servillo", "Sorrentino"],
    cities: ["Rome, Italy", "Milan, Italy", "Naples, Italy", "Turin, Italy", "Florence, Italy"],
  },
  hi: {
    male: ["Aarav", "Vivaan", "Arjun", "Rohan", "Rahul", "Amit", "Vikram", "Raj", "Karan", "Ranbir", "Shahid", "Ayushmann", "Rajkummar", "Nawazuddin", "Irrfan", "Aamir"],
    female: ["Priya", "Ananya", "Deepika", "Aishwarya", "Kareena", "Alia", "Kiara", "Vidya", "Taapsee", "Radhika", "Tabu", "Kajol", "Madhuri", "Sonam", "Shraddha", "Janhvi"],
    last: ["Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Khan", "Kapoor", "Chopra", "Malhotra", "Mehta", "Joshi", "Agarwal", "Reddy", "Nair", "Iyer", "Bhatt", "Rao", "Das", "Mukherjee"],
    cities: ["Mumbai, Maharashtra, India", "New Delhi, India", "Kolkata, West Bengal, India", "Chennai, Tamil Nadu, India", "Bangalore, Karnataka, India"],
  },
  zh: {
    male: ["Wei", "Jun", "Hao", "Lei", "Jian", "Ming", "Tao", "Yang", "Bo", "Chen", "Kai", "Zhiwei", "Xiaoming", "Jiayi", "Tony", "Wang"],
    female: ["Li", "Mei", "Xiu", "Yan", "Jing", "Fang", "Lan", "Ying", "Hui", "Xin", "Zhang", "Ziyi", "Gong", "Shu", "Qi", "Fan"],
    last: ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Leung", "Cheung", "Chow", "Lau"],
    cities: ["Beijing, China", "Shanghai, China", "Hong Kong", "Taipei, Taiwan", "Chengdu, Sichuan, China"],
  },
  pt: {
    male: ["João", "Pedro", "Lucas", "Gabriel", "Rafael", "Mateus", "Rodrigo", "Wagner", "Selton", "Caio", "Bruno", "Thiago", "Fernando", "Miguel"],
    female: ["Ana", "Beatriz", "Mariana", "Júlia", "Larissa", "Camila", "Fernanda", "Alice", "Sônia", "Bruna", "Isabela", "Leticia", "Carolina", "Rita"],
    last: ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Moura", "Braga", "Nunes"],
    cities: ["Rio de Janeiro, Brazil", "São Paulo, Brazil", "Salvador, Bahia, Brazil", "Lisbon, Portugal", "Porto, Portugal"],
  },
  nordic: {
    male: ["Mikael", "Lars", "Anders", "Mads", "Nikolaj", "Stellan", "Alexander", "Gustaf", "Johan", "Rasmus", "Henrik", "Erik", "Björn", "Magnus"],
    female: ["Noomi", "Alicia", "Sofie", "Ingrid", "Astrid", "Freja", "Karen", "Sidse", "Trine", "Ebba", "Maja", "Liv", "Pernilla", "Rebecca"],
    last: ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsen", "Jensen", "Nielsen", "Hansen", "Pedersen", "Mikkelsen", "Skarsgård", "Rapace", "Vikander", "Lindqvist", "Bergström", "Holm"],
    cities: ["Stockholm, Sweden", "Gothenburg, Sweden", "Copenhagen, Denmark", "Aarhus, Denmark", "Malmö, Sweden"],
  },
  ru: {
    male: ["Ivan", "Dmitri", "Sergei", "Alexei", "Nikolai", "Andrei", "Mikhail", "Yuri", "Pavel", "Konstantin", "Vladimir", "Oleg"],
    female: ["Anastasia", "Natalia", "Olga", "Ekaterina", "Svetlana", "Irina", "Tatiana", "Yulia", "Maria", "Daria", "Elena", "Ksenia"],
    last: ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov", "Mikhailov", "Fedorov", "Morozov", "Volkov", "Zvyagintsev", "Bondarchuk", "Orlova", "Kozlova"],
    cities: ["Moscow, Russia", "Saint Petersburg, Russia", "Novosibirsk, Russia"],
  },
  tr: {
    male: ["Mehmet", "Mustafa", "Ahmet", "Ali", "Emre", "Burak", "Kerem", "Cem", "Haluk", "Kıvanç", "Engin", "Çağatay"],
    female: ["Ayşe", "Fatma", "Elif", "Zeynep", "Merve", "Büşra", "Tuba", "Hande", "Beren", "Demet", "Serenay", "Hazal"],
    last: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Ceylan", "Tatlıtuğ"],
    cities: ["Istanbul, Turkey", "Ankara, Turkey", "Izmir, Turkey"],
  },
};

// ---------- titles ----------

export const TITLE_ADJECTIVES: readonly string[] = [
  "Silent", "Last", "Broken", "Golden", "Hidden", "Dark", "Crimson", "Lost", "Final", "Secret", "Wild", "Burning", "Frozen", "Endless", "Hollow", "Midnight", "Distant", "Iron", "Silver", "Forgotten", "Savage", "Quiet", "Bitter", "Electric", "Perfect", "Northern", "Little", "Long", "Bright", "Shattered", "Restless", "Fallen", "Velvet", "Scarlet", "Cold", "Eternal", "Paper", "Glass", "Stolen", "Rising", "Sacred", "Lonely", "Fading", "Painted", "Wicked", "Gentle", "Hungry", "Invisible", "Empty", "Blue", "Black", "White", "Red", "Strange", "Lucky", "Brave", "Crooked", "Dangerous", "Southern", "Sleeping", "Falling", "Burnt", "Second", "Infinite", "Tender", "Holy", "Electric", "Neon", "Wandering", "Ordinary", "Beautiful", "Reckless", "Hard", "Sweet", "Deep", "High", "Open", "Cruel", "Rusty", "Amber",
];

export const TITLE_NOUNS: readonly string[] = [
  "Road", "River", "Garden", "Kingdom", "Heart", "Shadow", "Horizon", "Promise", "Storm", "Harbor", "Empire", "Summer", "Winter", "Witness", "Stranger", "Signal", "Frontier", "Tide", "Mirror", "Crown", "Letter", "Island", "Machine", "Orchard", "Night", "City", "House", "Season", "Voyage", "Wolf", "Engine", "Lantern", "Echo", "Border", "Circle", "Sparrow", "Ghost", "Painter", "Hunter", "Daughter", "Brother", "Dream", "Covenant", "Paradise", "Prophecy", "Reckoning", "Valley", "Canyon", "Station", "Hotel", "Bridge", "Game", "Fire", "Sky", "Sea", "Moon", "Sun", "Star", "Line", "Code", "Key", "Gate", "Throne", "Rebel", "Exile", "Descent", "Legacy", "Memory", "Silence", "Hour", "Light", "Waltz", "Tempest", "Requiem", "Inheritance", "Confession", "Passage", "Ballad", "Flood", "Harvest", "Lighthouse", "Country", "Mountain", "Desert", "Forest", "Ocean", "Coast", "Tower", "Secret", "Thief", "Spy", "Saint", "Sinner", "Widow", "Orphan", "Captain", "Doctor", "Teacher", "Queen", "King", "Prince", "Angel", "Devil",
];

export const GENRE_NOUNS: Readonly<Record<string, readonly string[]>> = {
  horror: ["Haunting", "Curse", "Possession", "Cellar", "Ritual", "Thing", "Visitor", "Nightmare", "Exorcism", "Omen", "Coven", "Hollow", "Attic", "Wendigo", "Séance"],
  scifi: ["Signal", "Orbit", "Colony", "Protocol", "Singularity", "Android", "Eclipse", "Nebula", "Outpost", "Paradox", "Transmission", "Horizon", "Starship", "Clone", "Meridian"],
  romance: ["Kiss", "Wedding", "Affair", "Valentine", "Love", "Serenade", "Letters", "Rendezvous", "Honeymoon", "Sweetheart"],
  comedy: ["Party", "Roommates", "Vacation", "Road Trip", "Neighbors", "Reunion", "Bachelor", "Holiday", "Weekend", "Intern", "Babysitter", "Wedding Crashers", "Office"],
  crime: ["Heist", "Alibi", "Verdict", "Job", "Score", "Racket", "Syndicate", "Witness", "Informant", "Getaway", "Hitman", "Cartel", "Precinct"],
  war: ["Battalion", "Front", "Siege", "Sniper", "Trench", "Regiment", "Armistice", "Convoy", "Resistance", "Beachhead"],
  western: ["Outlaw", "Ranger", "Gunslinger", "Sheriff", "Mesa", "Rider", "Stagecoach", "Bounty", "Drifter", "Homestead"],
  family: ["Dragon", "Adventure", "Puppy", "Friends", "Wish", "Journey", "Treasure", "Unicorn", "Robot", "Snowman", "Penguin", "Dinosaur"],
  music: ["Song", "Band", "Encore", "Rhapsody", "Chorus", "Melody", "Tour", "Soundtrack", "Blues", "Anthem"],
  fantasy: ["Sorcerer", "Realm", "Sword", "Enchantress", "Oracle", "Grimoire", "Wyvern", "Amulet", "Labyrinth", "Citadel"],
  documentary: ["Story", "Truth", "Legacy", "Life", "Movement", "Revolution", "Century", "Planet", "Voices", "Archive"],
};

export const PLACES: readonly string[] = [
  "Marrow Creek", "Harlan", "Ashford", "Port Lucid", "Kessler Bay", "Vienna", "Casablanca", "Havana", "Marseille", "Brooklyn", "Tangier", "Osaka", "Seoul", "Oslo", "Detroit", "Memphis", "Berlin", "Lisbon", "Bombay", "Shanghai", "Alaska", "Texas", "Montana", "Carolina", "Sicily", "Tuscany", "Patagonia", "Kyoto", "Dublin", "Glasgow", "Saigon", "Cairo", "Istanbul", "Reno", "Tulsa", "Baltimore", "Santa Fe", "Galveston", "Nantucket", "Kingston", "Lagos", "Nairobi", "Manila", "Bangkok", "Calcutta", "Sarajevo", "Prague", "Budapest", "Coney Island", "Malibu", "Hollywood", "Harlem", "Little Rock", "Ridgeview", "Cedar Falls", "Black Rock", "Wolf Lake", "Silver Springs", "Eastwick", "Hollow Pines",
];

export const SUBTITLES: readonly string[] = [
  "Part II", "The Reckoning", "Resurrection", "Revenge", "The Return", "Legacy", "Endgame", "Awakening", "Origins", "Redemption", "Homecoming", "The Final Chapter", "New Blood", "Rebirth", "Retribution",
];

export const ANIMALS: readonly string[] = ["Fox", "Bear", "Owl", "Rabbit", "Tiger", "Whale", "Otter", "Duck", "Panda", "Koala", "Turtle", "Hedgehog", "Dragon", "Penguin", "Kitten", "Puppy"];

/** Short native-language phrases for original titles of non-English synthetic titles. */
export const NATIVE_WORDS: Readonly<Record<string, { words: readonly string[]; joiner: string }>> = {
  fr: { words: ["Nuit", "Mémoire", "Rivière", "Silence", "Amour", "Lumière", "Ombre", "Voyage", "Jardin", "Secret", "Hiver", "Été", "Frontière", "Cœur", "Promesse", "Chemin", "Étranger", "Tempête"], joiner: " et " },
  es: { words: ["Noche", "Memoria", "Río", "Silencio", "Amor", "Luz", "Sombra", "Viaje", "Jardín", "Secreto", "Invierno", "Verano", "Frontera", "Corazón", "Promesa", "Camino", "Extraño", "Tormenta"], joiner: " y " },
  de: { words: ["Nacht", "Erinnerung", "Fluss", "Stille", "Liebe", "Licht", "Schatten", "Reise", "Garten", "Geheimnis", "Winter", "Sommer", "Grenze", "Herz", "Versprechen", "Weg", "Fremde", "Sturm"], joiner: " und " },
  it: { words: ["Notte", "Memoria", "Fiume", "Silenzio", "Amore", "Luce", "Ombra", "Viaggio", "Giardino", "Segreto", "Inverno", "Estate", "Confine", "Cuore", "Promessa", "Strada", "Straniero", "Tempesta"], joiner: " e " },
  pt: { words: ["Noite", "Memória", "Rio", "Silêncio", "Amor", "Luz", "Sombra", "Viagem", "Jardim", "Segredo", "Inverno", "Verão", "Fronteira", "Coração", "Promessa", "Caminho", "Estranho", "Tempestade"], joiner: " e " },
  ja: { words: ["夜明け", "約束", "海", "影", "桜", "東京", "記憶", "風", "雨", "星", "家族", "夏", "冬", "刀", "夢", "光", "月", "旅"], joiner: "の" },
  ko: { words: ["기억", "바다", "그림자", "약속", "서울", "봄", "겨울", "밤", "사랑", "비밀", "가족", "여름", "별", "길", "꿈", "빛", "달", "바람"], joiner: "의 " },
  zh: { words: ["记忆", "大海", "影子", "承诺", "长安", "春天", "冬天", "夜晚", "爱情", "秘密", "家", "夏天", "星星", "道路", "梦", "光", "月亮", "风"], joiner: "的" },
  hi: { words: ["यादें", "समुंदर", "साया", "वादा", "मुंबई", "बसंत", "सर्दी", "रात", "प्यार", "राज़", "परिवार", "गर्मी", "सितारे", "रास्ता", "सपना", "रोशनी", "चाँद", "हवा"], joiner: " का " },
  ru: { words: ["Память", "Море", "Тень", "Обещание", "Москва", "Весна", "Зима", "Ночь", "Любовь", "Тайна", "Семья", "Лето", "Звезда", "Дорога", "Сон", "Свет", "Луна", "Ветер"], joiner: " и " },
  tr: { words: ["Hatıra", "Deniz", "Gölge", "Söz", "İstanbul", "Bahar", "Kış", "Gece", "Aşk", "Sır", "Aile", "Yaz", "Yıldız", "Yol", "Rüya", "Işık", "Ay", "Rüzgar"], joiner: " ve " },
  sv: { words: ["Minnet", "Havet", "Skuggan", "Löftet", "Våren", "Vintern", "Natten", "Kärleken", "Hemligheten", "Familjen", "Sommaren", "Stjärnan", "Vägen", "Drömmen", "Ljuset", "Månen"], joiner: " och " },
  da: { words: ["Minder", "Havet", "Skyggen", "Løftet", "Foråret", "Vinteren", "Natten", "Kærligheden", "Hemmeligheden", "Familien", "Sommeren", "Stjernen", "Vejen", "Drømmen", "Lyset", "Månen"], joiner: " og " },
};

// ---------- overviews & taglines ----------

export const PROTAGONISTS: readonly string[] = [
  "a disillusioned detective", "two estranged sisters", "a young nurse", "a retired boxer", "an ambitious journalist", "a small-town sheriff", "a brilliant but reckless scientist", "a grieving widower", "a teenage runaway", "an aging rock star", "a rookie cop", "a charming con artist", "a reluctant heir", "a single mother", "a burned-out teacher", "a former soldier", "a shy librarian", "a disgraced surgeon", "a pair of unlikely friends", "a struggling chef", "an idealistic lawyer", "a lonely astronaut", "a stubborn farmer", "a gifted young violinist", "a washed-up magician", "three childhood friends", "a fearless park ranger", "an undercover agent", "a mild-mannered accountant", "a street-smart orphan",
];

export const GENRE_GOALS: Readonly<Record<string, readonly string[]>> = {
  drama: ["must confront the secrets that tore the family apart", "struggles to rebuild a life after a devastating loss", "returns home to care for a dying parent", "fights to keep the only place they ever belonged", "faces an impossible choice between love and duty"],
  crime: ["is drawn into a conspiracy that reaches the highest levels of power", "must clear their name before the real killer strikes again", "plans one last job that goes spectacularly wrong", "infiltrates a ruthless crime family", "hunts a killer who always seems one step ahead"],
  thriller: ["uncovers a plot that someone will kill to keep buried", "wakes up with no memory and a bag full of cash", "becomes the only witness to a crime no one believes happened", "is trapped in a deadly game with a faceless stranger"],
  horror: ["discovers that something in the old house has been waiting for them", "awakens an ancient evil during a weekend in the woods", "begins receiving messages from someone who died years ago", "realises the small town's friendly neighbours are hiding a terrible ritual"],
  comedy: ["accidentally books the same wedding venue as a bitter rival", "pretends to be someone else to win back an ex", "inherits a failing summer camp and a very strange staff", "has one chaotic night to save the family business", "swaps lives with a stranger after a wish goes wrong"],
  romance: ["falls for the one person they swore never to trust", "rediscovers a first love during one unforgettable summer", "writes letters to a stranger that change both their lives", "must choose between a safe engagement and a reckless passion"],
  scifi: ["intercepts a signal that could change humanity's future", "wakes from cryosleep decades too early", "discovers a door to a parallel world", "leads a desperate mission to save a dying colony", "builds a machine that can see one day into the future"],
  action: ["races against time to stop a deadly attack", "must rescue a kidnapped daughter from a private army", "is framed for an assassination and goes on the run", "takes on a corrupt empire single-handedly"],
  adventure: ["sets out on a perilous journey to find a legendary lost city", "follows an old map into uncharted jungle", "sails across the world in search of a missing father", "joins a ragtag crew hunting a priceless treasure"],
  family: ["teams up with an unlikely band of friends to save their home", "befriends a runaway creature that everyone else wants to capture", "learns that the greatest adventure is being yourself", "must bring the magic back to a town that forgot how to believe"],
  fantasy: ["discovers a hidden world of magic and must stop an ancient evil", "is chosen by a mysterious sword to claim a forgotten throne", "bargains with a trickster god to save a cursed kingdom"],
  war: ["fights to keep their unit alive behind enemy lines", "smuggles refugees across a border under occupation", "must deliver a message that could end the war"],
  western: ["rides into a lawless town to settle an old score", "defends a homestead against a ruthless cattle baron", "tracks a gang of outlaws across the desert"],
  mystery: ["investigates a disappearance that no one else wants solved", "finds a diary that points to a decades-old murder", "is invited to an island where the guests start vanishing one by one"],
  music: ["chases one last shot at stardom", "reunites an old band for a final tour", "discovers a gift for music that could change everything"],
  history: ["fights for justice in a nation on the brink", "risks everything to tell the truth about a forgotten tragedy", "leads an unlikely movement that changes history"],
};

export const SETTINGS: readonly string[] = [
  "in 1970s {place}", "in a sleepy coastal town", "in the heart of {place}", "on the outskirts of {place}", "in post-war {place}", "in a city that never sleeps", "in the snowbound north", "in a remote mountain village", "in present-day {place}", "in the summer of 1985", "on a small island", "in a crumbling seaside hotel", "in the suburbs of {place}", "across the American West", "in near-future {place}",
];

export const CLOSERS: readonly string[] = [
  "But nothing is what it seems.", "Some lines, once crossed, can never be uncrossed.", "The truth will cost more than anyone expected.", "Based on an extraordinary true story.", "Time is running out.", "What they find will change them forever.", "", "", "Nobody leaves unchanged.", "And the past is not finished with them yet.",
];

export const DOC_SUBJECTS: readonly string[] = [
  "the rise and fall of a legendary record label", "a year in the life of a remote research station", "the hidden world of competitive chess", "the last wild tigers of the Sundarbans", "a forgotten pioneer of early cinema", "the engineers racing to save a sinking city", "the people who keep a great city running at night", "a groundbreaking scientific discovery and the rivalry behind it", "the first all-women team to cross the Antarctic", "a small-town choir on its way to the national finals",
];

export const TAGLINES: readonly string[] = [
  "Some secrets never stay buried.", "Every legend has a beginning.", "The truth is out there.", "One night. One chance.", "Love is the greatest adventure.", "Nobody is innocent.", "Fear has a new home.", "The end is only the beginning.", "Family is everything.", "Run.", "Trust no one.", "Based on a true story.", "Hope is a dangerous thing.", "It all comes down to this.", "The past is never dead.", "Welcome to the other side.", "Some heroes don't wear capes.", "This summer, everything changes.", "Home is where the heart breaks.", "Justice has a price.", "Follow your dreams.", "Never look back.", "The game has changed.", "They came in peace. They stayed for war.", "Every family has a story.",
];

// ---------- keywords ----------

export const KEYWORD_GROUPS: Readonly<Record<string, readonly string[]>> = {
  generic: ["based on novel or book", "woman director", "duringcreditsstinger", "aftercreditsstinger", "biography", "based on true story", "remake", "sequel", "friendship", "family relationships", "new york city", "london, england", "small town", "coming of age", "revenge", "father son relationship", "mother daughter relationship", "loss of loved one", "love triangle", "betrayal", "road trip", "christmas", "high school", "independent film", "los angeles, california", "paris, france", "1980s", "1970s", "world war ii", "based on comic", "based on short story", "dark past", "secret identity", "escape", "suicide", "hospital", "island", "dog", "marriage", "divorce", "rivalry", "anthology", "nonlinear timeline", "flashback", "dystopia", "based on play or musical", "lgbt", "satire", "period drama", "slice of life"],
  action: ["martial arts", "car chase", "hostage", "mercenary", "shootout", "explosion", "one man army", "assassin", "heist", "bodyguard", "special forces", "terrorist"],
  adventure: ["treasure hunt", "jungle", "quest", "expedition", "lost civilization", "sea voyage", "survival", "desert", "pirate", "mountain climbing"],
  animation: ["anime", "talking animal", "stop motion", "cartoon", "computer animation", "based on manga", "magical creature", "toy"],
  comedy: ["buddy comedy", "parody", "romantic comedy", "mockumentary", "slapstick", "wedding", "stand-up comedy", "workplace comedy", "absurd humor", "dark comedy"],
  crime: ["detective", "mafia", "drug cartel", "police corruption", "serial killer", "bank robbery", "organized crime", "murder investigation", "gangster", "heist"],
  documentary: ["nature documentary", "music documentary", "true crime", "sports documentary", "political documentary", "wildlife", "history documentary", "archival footage", "interview"],
  drama: ["melodrama", "grief", "addiction", "poverty", "class differences", "immigration", "illness", "redemption", "parenting", "working class"],
  family: ["kids", "children's adventure", "pets", "holiday", "sibling relationship", "magic", "school"],
  fantasy: ["magic", "dragon", "sword and sorcery", "fairy tale", "witch", "mythology", "parallel world", "prophecy", "wizard", "elves"],
  history: ["historical figure", "19th century", "ancient rome", "medieval", "civil rights", "cold war", "revolution", "royalty", "biography"],
  horror: ["haunted house", "ghost", "demon", "possession", "zombie", "slasher", "supernatural", "vampire", "werewolf", "found footage", "creature", "cult", "exorcism"],
  music: ["musician", "concert", "rock band", "jazz", "hip-hop", "singer", "musical", "orchestra", "dance"],
  mystery: ["whodunit", "missing person", "investigation", "amnesia", "conspiracy", "murder mystery", "secret society", "puzzle"],
  romance: ["love at first sight", "forbidden love", "first love", "romance", "summer romance", "wedding", "long-distance relationship", "second chance"],
  scifi: ["space", "artificial intelligence", "time travel", "alien", "dystopia", "robot", "cyberpunk", "post-apocalyptic future", "spaceship", "clone", "virtual reality", "superhero", "mutant"],
  tvmovie: ["made for tv", "christmas", "holiday romance", "small town"],
  thriller: ["psychological thriller", "cat and mouse", "kidnapping", "stalker", "paranoia", "hitman", "espionage", "political thriller", "neo-noir", "suspense"],
  war: ["world war ii", "world war i", "vietnam war", "soldier", "battlefield", "nazi", "resistance", "prisoner of war", "military"],
  western: ["cowboy", "outlaw", "gunfight", "sheriff", "frontier", "bounty hunter", "revenge", "wild west", "ranch"],
  reality: ["reality tv", "competition", "cooking competition", "dating show", "makeover", "talent show", "survival competition", "elimination"],
  talk: ["talk show", "late night", "celebrity interview", "variety show", "comedian host"],
  news: ["news program", "current affairs", "journalism", "politics", "investigative journalism"],
  soap: ["soap opera", "family saga", "telenovela", "infidelity", "wealthy family", "rivalry"],
};

/** Which keyword groups fit each genre id (movie and tv ids share a namespace here). */
export const GENRE_KEYWORD_GROUPS: Readonly<Record<number, readonly string[]>> = {
  28: ["action"], 12: ["adventure"], 16: ["animation"], 35: ["comedy"], 80: ["crime"], 99: ["documentary"], 18: ["drama"], 10751: ["family"], 14: ["fantasy"], 36: ["history"], 27: ["horror"], 10402: ["music"], 9648: ["mystery"], 10749: ["romance"], 878: ["scifi"], 10770: ["tvmovie"], 53: ["thriller"], 10752: ["war"], 37: ["western"],
  10759: ["action", "adventure"], 10762: ["family", "animation"], 10763: ["news"], 10764: ["reality"], 10765: ["scifi", "fantasy"], 10766: ["soap"], 10767: ["talk"], 10768: ["war", "history"],
};

/** Genre id -> the word-list family used for titles/overviews. */
export const GENRE_FLAVOUR: Readonly<Record<number, string>> = {
  28: "action", 12: "adventure", 16: "family", 35: "comedy", 80: "crime", 99: "documentary", 18: "drama", 10751: "family", 14: "fantasy", 36: "history", 27: "horror", 10402: "music", 9648: "mystery", 10749: "romance", 878: "scifi", 10770: "romance", 53: "thriller", 10752: "war", 37: "western",
  10759: "action", 10762: "family", 10763: "documentary", 10764: "comedy", 10765: "scifi", 10766: "romance", 10767: "comedy", 10768: "war",
};

// ---------- companies, networks, providers ----------

export interface CompanyEntry {
  id: number;
  name: string;
  country: string;
  logo: boolean;
}

export const COMPANIES: readonly CompanyEntry[] = [
  { id: 174, name: "Warner Bros. Pictures", country: "US", logo: true },
  { id: 33, name: "Universal Pictures", country: "US", logo: true },
  { id: 4, name: "Paramount Pictures", country: "US", logo: true },
  { id: 5, name: "Columbia Pictures", country: "US", logo: true },
  { id: 25, name: "20th Century Fox", country: "US", logo: true },
  { id: 2, name: "Walt Disney Pictures", country: "US", logo: true },
  { id: 1632, name: "Lionsgate", country: "US", logo: true },
  { id: 12, name: "New Line Cinema", country: "US", logo: true },
  { id: 14, name: "Miramax", country: "US", logo: true },
  { id: 10146, name: "Focus Features", country: "US", logo: true },
  { id: 41077, name: "A24", country: "US", logo: true },
  { id: 923, name: "Legendary Pictures", country: "US", logo: true },
  { id: 7, name: "DreamWorks Pictures", country: "US", logo: true },
  { id: 3172, name: "Blumhouse Productions", country: "US", logo: true },
  { id: 21, name: "Metro-Goldwyn-Mayer", country: "US", logo: true },
  { id: 43, name: "Fox Searchlight Pictures", country: "US", logo: true },
  { id: 3, name: "Pixar", country: "US", logo: true },
  { id: 420, name: "Marvel Studios", country: "US", logo: true },
  { id: 9993, name: "DC Entertainment", country: "US", logo: true },
  { id: 11073, name: "Sony Pictures Television Studios", country: "US", logo: true },
  { id: 6194, name: "Warner Bros. Television", country: "US", logo: true },
  { id: 19366, name: "Plan B Entertainment", country: "US", logo: true },
  { id: 2575, name: "Working Title Films", country: "GB", logo: true },
  { id: 288, name: "BBC Film", country: "GB", logo: true },
  { id: 6705, name: "Film4 Productions", country: "GB", logo: true },
  { id: 694, name: "StudioCanal", country: "FR", logo: true },
  { id: 7981, name: "Pathé", country: "FR", logo: true },
  { id: 9, name: "Gaumont", country: "FR", logo: true },
  { id: 104, name: "Canal+", country: "FR", logo: true },
  { id: 882, name: "Toho", country: "JP", logo: true },
  { id: 10342, name: "Studio Ghibli", country: "JP", logo: true },
  { id: 5822, name: "Toei Animation", country: "JP", logo: true },
  { id: 4399, name: "CJ Entertainment", country: "KR", logo: true },
  { id: 7036, name: "Showbox", country: "KR", logo: true },
  { id: 47, name: "Constantin Film", country: "DE", logo: true },
  { id: 201, name: "X Filme Creative Pool", country: "DE", logo: false },
  { id: 12408, name: "Rai Cinema", country: "IT", logo: true },
  { id: 1569, name: "Yash Raj Films", country: "IN", logo: true },
  { id: 1884, name: "Dharma Productions", country: "IN", logo: true },
  { id: 3036, name: "China Film Group Corporation", country: "CN", logo: true },
  { id: 2269, name: "Globo Filmes", country: "BR", logo: true },
  { id: 5336, name: "El Deseo", country: "ES", logo: true },
  { id: 7551, name: "Cha Cha Chá Films", country: "MX", logo: false },
  { id: 3181, name: "Nordisk Film", country: "DK", logo: true },
  { id: 7440, name: "SF Studios", country: "SE", logo: true },
  { id: 1271, name: "Mosfilm", country: "RU", logo: true },
  { id: 22213, name: "TF1 Films Production", country: "FR", logo: true },
  { id: 8411, name: "Screen Australia", country: "AU", logo: true },
  { id: 491, name: "Telefilm Canada", country: "CA", logo: true },
  { id: 64404, name: "Northlight Pictures", country: "US", logo: false },
  { id: 71260, name: "Harbor Lane Films", country: "US", logo: false },
  { id: 88412, name: "Copperline Entertainment", country: "US", logo: false },
  { id: 90011, name: "Blue Meridian Studios", country: "GB", logo: false },
];

export interface NetworkEntry {
  id: number;
  name: string;
  country: string;
}

export const NETWORKS: readonly NetworkEntry[] = [
  { id: 213, name: "Netflix", country: "" },
  { id: 49, name: "HBO", country: "US" },
  { id: 174, name: "AMC", country: "US" },
  { id: 2, name: "ABC", country: "US" },
  { id: 6, name: "NBC", country: "US" },
  { id: 16, name: "CBS", country: "US" },
  { id: 19, name: "FOX", country: "US" },
  { id: 88, name: "FX", country: "US" },
  { id: 67, name: "Showtime", country: "US" },
  { id: 71, name: "The CW", country: "US" },
  { id: 453, name: "Hulu", country: "US" },
  { id: 1024, name: "Prime Video", country: "" },
  { id: 2739, name: "Disney+", country: "US" },
  { id: 2552, name: "Apple TV+", country: "US" },
  { id: 4, name: "BBC One", country: "GB" },
  { id: 332, name: "BBC Two", country: "GB" },
  { id: 26, name: "Channel 4", country: "GB" },
  { id: 9, name: "ITV1", country: "GB" },
  { id: 1, name: "Fuji TV", country: "JP" },
  { id: 614, name: "Tokyo MX", country: "JP" },
  { id: 98, name: "TV Tokyo", country: "JP" },
  { id: 866, name: "tvN", country: "KR" },
  { id: 885, name: "JTBC", country: "KR" },
  { id: 342, name: "KBS2", country: "KR" },
  { id: 97, name: "MBC", country: "KR" },
  { id: 285, name: "Canal+", country: "FR" },
  { id: 361, name: "France 2", country: "FR" },
  { id: 31, name: "ZDF", country: "DE" },
  { id: 308, name: "Das Erste", country: "DE" },
  { id: 533, name: "Rai 1", country: "IT" },
  { id: 246, name: "Star Plus", country: "IN" },
  { id: 1615, name: "CCTV-8", country: "CN" },
  { id: 1138, name: "TV Globo", country: "BR" },
  { id: 1217, name: "Antena 3", country: "ES" },
  { id: 1191, name: "Televisa", country: "MX" },
  { id: 56, name: "Cartoon Network", country: "US" },
  { id: 13, name: "Nickelodeon", country: "US" },
  { id: 64, name: "Discovery", country: "US" },
  { id: 43, name: "National Geographic", country: "US" },
  { id: 65, name: "History", country: "US" },
  { id: 1105, name: "SVT1", country: "SE" },
  { id: 119, name: "DR1", country: "DK" },
  { id: 558, name: "Russia-1", country: "RU" },
  { id: 1147, name: "Show TV", country: "TR" },
  { id: 404, name: "CBC Television", country: "CA" },
  { id: 170, name: "ABC (AU)", country: "AU" },
];

export interface ProviderEntry {
  id: number;
  name: string;
  displayPriority: number;
  kind: "flatrate" | "rent_buy" | "free" | "ads";
}

export const PROVIDERS: readonly ProviderEntry[] = [
  { id: 8, name: "Netflix", displayPriority: 0, kind: "flatrate" },
  { id: 9, name: "Amazon Prime Video", displayPriority: 1, kind: "flatrate" },
  { id: 337, name: "Disney Plus", displayPriority: 2, kind: "flatrate" },
  { id: 1899, name: "Max", displayPriority: 3, kind: "flatrate" },
  { id: 15, name: "Hulu", displayPriority: 4, kind: "flatrate" },
  { id: 350, name: "Apple TV Plus", displayPriority: 5, kind: "flatrate" },
  { id: 531, name: "Paramount Plus", displayPriority: 6, kind: "flatrate" },
  { id: 386, name: "Peacock Premium", displayPriority: 7, kind: "flatrate" },
  { id: 283, name: "Crunchyroll", displayPriority: 8, kind: "flatrate" },
  { id: 11, name: "MUBI", displayPriority: 9, kind: "flatrate" },
  { id: 2, name: "Apple TV", displayPriority: 10, kind: "rent_buy" },
  { id: 3, name: "Google Play Movies", displayPriority: 11, kind: "rent_buy" },
  { id: 10, name: "Amazon Video", displayPriority: 12, kind: "rent_buy" },
  { id: 7, name: "Fandango At Home", displayPriority: 13, kind: "rent_buy" },
  { id: 73, name: "Tubi TV", displayPriority: 14, kind: "free" },
  { id: 300, name: "Pluto TV", displayPriority: 15, kind: "ads" },
];

export const CHANGE_KEYS: readonly string[] = [
  "adult", "air_date", "also_known_as", "alternative_titles", "biography", "birthday", "budget", "cast", "certifications", "character_names", "created_by", "crew", "deathday", "episode", "episode_number", "episode_run_time", "freebase_id", "freebase_mid", "general", "genres", "guest_stars", "homepage", "images", "imdb_id", "languages", "name", "network", "origin_country", "original_name", "original_title", "overview", "parts", "place_of_birth", "plot_keywords", "production_code", "production_companies", "production_countries", "releases", "revenue", "runtime", "season", "season_number", "season_regular", "spoken_languages", "status", "tagline", "title", "translations", "tvdb_id", "tvrage_id", "type", "video", "videos",
];

/** Crew jobs: [job, department]. Index = job code stored on titles. */
export const JOBS: ReadonlyArray<readonly [string, Department]> = [
  ["Director", "Directing"],
  ["Screenplay", "Writing"],
  ["Writer", "Writing"],
  ["Producer", "Production"],
  ["Executive Producer", "Production"],
  ["Original Music Composer", "Sound"],
  ["Director of Photography", "Camera"],
  ["Editor", "Editing"],
  ["Casting", "Production"],
  ["Novel", "Writing"],
];
export const JOB_DIRECTOR = 0;
export const JOB_SCREENPLAY = 1;
export const JOB_WRITER = 2;
export const JOB_PRODUCER = 3;
export const JOB_EXEC_PRODUCER = 4;
export const JOB_COMPOSER = 5;
export const JOB_DOP = 6;
export const JOB_EDITOR = 7;
export const JOB_CASTING = 8;
export const JOB_NOVEL = 9;

export type Department = "Acting" | "Directing" | "Writing" | "Production" | "Sound" | "Camera" | "Editing";
