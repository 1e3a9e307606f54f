/** "2 h 12 min", "48 min": how a runtime reads on the title page and in a card's preview. */
export function formatRuntime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}
