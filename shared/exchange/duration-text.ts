// Durations in the words the messages use: "15 s", "0.5 s", "2 min 5 s", "1 h 3 min".

/** Formats a duration in milliseconds for a message: sub-minute values in seconds (one decimal below 10 s), then min/h. */
export function durationText(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 10_000) return `${Number((abs / 1000).toFixed(1))} s`;
  const seconds = Math.round(abs / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
