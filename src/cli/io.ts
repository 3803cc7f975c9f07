/** Where the CLI writes; tests pass string sinks, the bin passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  stderrIsTty: boolean;
}

export type Lang = 'th' | 'en';

/** Picks the Thai or English variant of a message. */
export function say(lang: Lang, th: string, en: string): string {
  return lang === 'en' ? en : th;
}
