// vega-datasets' movies.json holds its non-ASCII titles as Windows-1252 bytes read as Mac OS Roman:
// "LÈon" is Léon, "DÈj‡ Vu" Déjà Vu, "Per qualche dollaro in pi˘" … in più, "I Love You Ö Don't
// Touch Me!" has an ellipsis. repairMacRoman reverses that, one character at a time: a character of
// Mac OS Roman's upper half goes back to its byte, read as Windows-1252. Characters the two agree on
// (the ¢ of "Ri¢hie Ri¢h") and those Mac OS Roman lacks (the ³ of "Alien³") are left alone.

/** Mac OS Roman's characters for the bytes 0x80–0xFF. */
const MAC_ROMAN_HIGH =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/** Windows-1252's characters for 0x80–0x9F (from 0xA0 on it is Latin-1). Node 20's TextDecoder reads these as Latin-1's controls. */
const WINDOWS_1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const windows1252 = (byte: number) => (byte < 0xa0 ? (WINDOWS_1252_80_9F[byte - 0x80] as string) : String.fromCharCode(byte));

const REPAIR = new Map<string, string>();
for (const [index, char] of [...MAC_ROMAN_HIGH].entries()) {
  const original = windows1252(0x80 + index);
  if (original !== char) REPAIR.set(char, original);
}

/**
 * Signs of Windows-1252 text read as Mac OS Roman: letters no title of this data set has on its own,
 * and an Ö standing alone (an ellipsis, "I Love You … Don't Touch Me!").
 */
const MOJIBAKE = /[ÈÍÓÛÙÎËÏÌ‰˘‡·Ω]|(?:^|\s)Ö(?:\s|$)/;

/** The text as it was written, when it shows the signs of the mix-up; else unchanged. */
export function repairMacRoman(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  return [...text].map((char) => REPAIR.get(char) ?? char).join("");
}

/** Whether text still shows signs of the mix-up (the catalogue test scans every string for it). */
export function looksLikeMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}
