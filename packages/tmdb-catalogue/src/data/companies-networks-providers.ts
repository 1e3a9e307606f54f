// Production companies (real and a few invented), tv networks and watch providers, with the
// TMDB ids they have there.

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
