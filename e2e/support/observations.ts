import type { SentBody } from '../../electron/services/http-shell/http-shell';

/** One thing the page or the server produced during a test, kept for the leak scan. */
export interface Observation {
  /** ipc-response: a call's reply; ipc-event: a server-sent event frame; http-response: any other body the server sent (files, refusals). */
  source: 'ipc-response' | 'ipc-event' | 'http-response' | 'console' | 'pageerror';
  /** The channel, event name, path or console type. */
  label: string;
  /** The text form of what was seen (JSON for IPC values). */
  text: string;
}

/** Everything seen during a test: every body the server sent, console messages and page errors. */
export class Observations {
  readonly items: Observation[] = [];

  /** Records one observation; values that are not strings are stored as JSON. */
  add(source: Observation['source'], label: string, value: unknown): void {
    this.items.push({ source, label, text: typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)) });
  }

  /** The observations of one source. */
  of(source: Observation['source']): Observation[] {
    return this.items.filter((o) => o.source === source);
  }

  /** The observations whose text contains any of the needles, with which needle matched (by index). */
  containing(needles: readonly string[]): { observation: Observation; needle: number }[] {
    const hits: { observation: Observation; needle: number }[] = [];
    for (const observation of this.items) {
      needles.forEach((needle, index) => {
        if (needle.length > 0 && observation.text.includes(needle)) hits.push({ observation, needle: index });
      });
    }
    return hits;
  }
}

/** Records one body the `mctoken ui` server sent: replies by channel, event frames by event, files and refusals by path. */
export function recordSent(observations: Observations, sent: SentBody): void {
  const source = sent.kind === 'reply' ? 'ipc-response' : sent.kind === 'event' ? 'ipc-event' : 'http-response';
  observations.add(source, sent.label, sent.body);
}
