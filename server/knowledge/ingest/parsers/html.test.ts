import { describe, expect, it } from "vitest";
import { htmlToText, parseHtml } from "./html";

describe("HTML", () => {
  it("drops scripts, styles and navigation, and keeps headings, paragraphs, lists and tables", () => {
    const html = `<!doctype html><html><head><title>T</title><style>p { color: red }</style><script>var secret = 1;</script></head>
      <body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
      <h1>Gout</h1><p>Drink   plenty of <b>water</b>&nbsp;&amp; rest.</p>
      <h2>Food</h2><ul><li><p>Avoid offal</p></li><li>Avoid beer</li></ul>
      <table><tr><th>Food</th><th>Purines</th></tr><tr><td><p>Liver</p></td><td>High</td></tr></table>
      <noscript>Enable JS</noscript><script>alert("x")</script></body></html>`;
    const { text, structure } = parseHtml(new TextEncoder().encode(html));
    expect(structure).toBe("markdown");
    expect(text).toBe("# Gout\n\nDrink plenty of water & rest.\n\n## Food\n\n- Avoid offal\n- Avoid beer\n\n| Food | Purines |\n| Liver | High |");
    expect(text).not.toMatch(/secret|alert|Home|Enable JS|color/);
  });

  it("numbers ordered lists and keeps preformatted lines", () => {
    expect(htmlToText("<ol><li>One</li><li>Two</li></ol><pre>a  b\nc</pre>")).toBe("1. One\n2. Two\n\na  b\nc");
  });

  it("refuses a page with no text once scripts and navigation are gone", () => {
    expect(() => parseHtml(new TextEncoder().encode("<nav>Menu</nav><script>x()</script>"))).toThrow(/no text to index/);
  });
});
