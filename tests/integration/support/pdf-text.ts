import { inflateSync } from "node:zlib";

/**
 * The text a PDF shows, read back from its content streams (inflated when compressed): the hex and literal strings of
 * every Tj/TJ, decoded as WinAnsi (pdfkit's encoding for its built-in fonts), one line per text operation joined by
 * spaces, so a phrase wrapped across lines reads as one. Enough for pdfkit's output; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const decoder = new TextDecoder("windows-1252");
  const lines: string[] = [];
  const raw = pdf.toString("latin1");
  const streams = /<<([^]*?)>>\s*stream\r?\n([^]*?)\r?\nendstream/g;
  for (const match of raw.matchAll(streams)) {
    const body = Buffer.from(match[2]!, "latin1");
    let content: string;
    try {
      content = (match[1]!.includes("FlateDecode") ? inflateSync(body) : body).toString("latin1");
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*Tj/g)) {
      const parts = op[1] ?? op[2]!;
      let text = "";
      for (const piece of parts.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)) {
        if (piece[1] !== undefined) text += decoder.decode(Buffer.from(piece[1], "hex"));
        else text += piece[2]!.replace(/\\(.)/g, "$1");
      }
      lines.push(text);
    }
  }
  return lines.join(" ").replace(/\s+/g, " ");
}
