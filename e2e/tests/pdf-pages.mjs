// How much of each page of a PDF printed by Chromium (`page.pdf`) holds
// something: for each page, the fraction of its height between the
// topmost and the lowest thing drawn (text, a filled or stroked path, an
// image), followed into the form XObjects Chromium draws text in. A small
// reader of Chromium's own output (uncompressed by zlib), enough to tell a
// near-empty page from a full one; not a general PDF parser.
import { inflateSync } from 'node:zlib';

/** Every object of the file by number: its dictionary's text and its stream's bytes. */
function objects(pdf) {
  const text = pdf.toString('latin1');
  const out = new Map();
  const re = /(\d+) 0 obj\b/g;
  let m;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const at = body.search(/stream\r?\n/);
    let dict = body;
    let data = null;
    if (at >= 0) {
      dict = body.slice(0, at);
      const from = start + at + body.slice(at).match(/stream\r?\n/)[0].length;
      const length = Number((dict.match(/\/Length (\d+)(?! \d+ R)/) ?? [])[1]);
      const to = Number.isFinite(length) ? from + length : text.indexOf('endstream', from);
      let bytes = pdf.subarray(from, to);
      if (/\/FlateDecode/.test(dict)) {
        try { bytes = inflateSync(bytes); } catch { bytes = Buffer.alloc(0); }
      }
      data = bytes.toString('latin1');
    }
    out.set(Number(m[1]), { dict, data });
    re.lastIndex = end;
  }
  return out;
}

/** The `<<…>>` after `/key` in `dict` (balanced), or the object it refers to. */
function subdict(objs, dict, key) {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return '';
  let rest = dict.slice(at + key.length + 1).trimStart();
  const ref = rest.match(/^(\d+) 0 R/);
  if (ref) return objs.get(Number(ref[1]))?.dict ?? '';
  if (!rest.startsWith('<<')) return '';
  let depth = 0;
  for (let i = 0; i < rest.length - 1; i++) {
    if (rest.startsWith('<<', i)) { depth++; i++; } else if (rest.startsWith('>>', i)) {
      depth--; i++;
      if (depth === 0) return rest.slice(0, i + 1);
    }
  }
  return rest;
}

const mul = (a, b) => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const TOKEN = /<<|>>|\[|\]|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/[\]<>()]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g;

/** The y (PDF space, from the bottom) of everything a content stream draws. */
function walk(objs, content, resources, ctm, ys, depth = 0) {
  const xobjects = subdict(objs, resources, 'XObject');
  const stack = [];
  let operands = [];
  let tm = [1, 0, 0, 1, 0, 0];
  let tlm = tm;
  let path = [];
  let clip = false;
  for (const [tok] of content.matchAll(TOKEN)) {
    if (/^[-+]?[\d.]/.test(tok) || tok.startsWith('/') || tok.startsWith('<') || tok.startsWith('(') || tok === '[' || tok === ']' || tok === '<<' || tok === '>>') {
      operands.push(tok);
      continue;
    }
    const n = operands.filter((o) => /^[-+]?[\d.]/.test(o)).map(Number);
    switch (tok) {
      case 'q': stack.push(ctm); break;
      case 'Q': ctm = stack.pop() ?? ctm; break;
      case 'cm': ctm = mul(n.slice(-6), ctm); break;
      case 'BT': tm = tlm = [1, 0, 0, 1, 0, 0]; break;
      case 'Tm': tm = tlm = n.slice(-6); break;
      case 'Td': case 'TD': tm = tlm = mul([1, 0, 0, 1, n.at(-2), n.at(-1)], tlm); break;
      case 'Tj': case 'TJ': case "'": case '"': ys.push(apply(mul(tm, ctm), 0, 0)[1]); break;
      case 'm': case 'l': path.push(apply(ctm, n.at(-2), n.at(-1))[1]); break;
      case 'c': path.push(apply(ctm, n.at(-2), n.at(-1))[1]); break;
      case 're': {
        const [x, y, w, h] = n.slice(-4);
        path.push(apply(ctm, x, y)[1], apply(ctm, x + w, y + h)[1]);
        break;
      }
      case 'W': case 'W*': clip = true; break;
      case 'n': path = []; clip = false; break;
      case 'f': case 'F': case 'f*': case 'S': case 's': case 'B': case 'B*': case 'b': case 'b*':
        if (!clip) ys.push(...path);
        path = []; clip = false; break;
      case 'Do': {
        const name = operands.at(-1)?.slice(1);
        const ref = xobjects.match(new RegExp(`/${name} (\\d+) 0 R`));
        const obj = ref && objs.get(Number(ref[1]));
        if (!obj) break;
        if (/\/Subtype\s*\/Form/.test(obj.dict) && obj.data != null && depth < 8) {
          const matrix = obj.dict.match(/\/Matrix\s*\[([^\]]*)\]/);
          const m = matrix ? matrix[1].trim().split(/\s+/).map(Number) : [1, 0, 0, 1, 0, 0];
          walk(objs, obj.data, subdict(objs, obj.dict, 'Resources'), mul(m, ctm), ys, depth + 1);
        } else if (/\/Subtype\s*\/Image/.test(obj.dict)) {
          ys.push(apply(ctm, 0, 0)[1], apply(ctm, 1, 1)[1]);
        }
        break;
      }
      default: break;
    }
    operands = [];
  }
}

/**
 * Each page's height in points and the part of it that holds something:
 * `{ height, top, bottom, fill }`, `top` and `bottom` measured from the
 * page's top edge, `fill` the fraction of the height between them.
 */
export function pageFill(pdf) {
  const objs = objects(pdf);
  const pages = [...objs.values()].filter((o) => /\/Type\s*\/Page(?!s)/.test(o.dict));
  return pages.map((page) => {
    const box = page.dict.match(/\/MediaBox\s*\[([^\]]*)\]/)[1].trim().split(/\s+/).map(Number);
    const height = box[3] - box[1];
    const contents = page.dict.match(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/)[1];
    const streams = [...contents.matchAll(/(\d+) 0 R/g)].map((r) => objs.get(Number(r[1]))?.data ?? '');
    const ys = [];
    walk(objs, streams.join('\n'), subdict(objs, page.dict, 'Resources'), [1, 0, 0, 1, 0, 0], ys);
    const inside = ys.filter((y) => y >= box[1] - 1 && y <= box[3] + 1);
    if (inside.length === 0) return { height, top: 0, bottom: 0, fill: 0 };
    const top = height - Math.max(...inside);
    const bottom = height - Math.min(...inside);
    return { height, top, bottom, fill: (bottom - top) / height };
  });
}

/** The number of pages. */
export const pageCount = (pdf) => pageFill(pdf).length;
