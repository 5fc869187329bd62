/** What a command may touch, so tests run commands in-process and capture their output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): string;
  /** Colours and symbols for a terminal; plain text otherwise. */
  tty: boolean;
}

export const EXIT_OK = 0;
/** The command ran and found problems: invalid input, findings. */
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
