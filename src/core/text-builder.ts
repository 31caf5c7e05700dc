// Text built by appending, with the offsets where blocks break. Parts and a running length rather
// than one growing string: inspecting the tail of a string being appended to flattens V8's rope
// every time and makes conversion quadratic.

export class TextBuilder {
  private readonly parts: string[] = [];
  length = 0;
  /** The last character written ('' before any). */
  last = '';
  readonly hardBreaks: number[] = [];

  put(s: string): void {
    if (s === '') return;
    this.parts.push(s);
    this.length += s.length;
    this.last = s[s.length - 1] as string;
  }

  /** Ends the current block: one newline, and a hard break at this offset. */
  blockBreak(): void {
    if (this.length === 0) return;
    if (this.last !== '\n') this.put('\n');
    if (this.hardBreaks[this.hardBreaks.length - 1] !== this.length) this.hardBreaks.push(this.length);
  }

  /** The text without its trailing newline, and the breaks strictly inside it. */
  finish(): { text: string; hardBreaks: number[] } {
    let text = this.parts.join('');
    while (text.endsWith('\n')) text = text.slice(0, -1);
    return { text, hardBreaks: this.hardBreaks.filter((b) => b > 0 && b < text.length) };
  }
}
