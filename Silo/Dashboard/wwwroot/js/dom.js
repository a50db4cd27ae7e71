// Small DOM helpers. Every text goes through text nodes, never innerHTML: names, reasons and cloud error messages
// come from users and the cloud, and must not become markup.

/** h('td', {class: 'num'}, 'text', child, [children]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'onclick' || name === 'oninput' || name === 'onchange' || name === 'onsubmit') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table: columns are {title, num?, cell(row) -> content}. */
export function table(columns, rows, empty = 'Nothing to show.') {
  return h('table', {},
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { class: c.num ? 'num' : null }, c.title)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, empty))
      : rows.map(row => h('tr', {}, columns.map(c => h('td', { class: c.num ? 'num' : null }, c.cell(row)))))));
}

export const badge = (text, kind) => h('span', { class: `badge ${kind ?? text}` }, text);

export const dash = value => (value === null || value === undefined || value === '' ? '—' : value);

/** Facts as a definition list: [[label, value], ...]. */
export const facts = pairs => h('dl', { class: 'facts' }, pairs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, dash(v))]));

export const stat = (label, value, title) => h('div', { class: 'stat', title }, h('div', { class: 'value' }, dash(value)), h('div', { class: 'label' }, label));

export const link = (href, text) => h('a', { href }, text);
