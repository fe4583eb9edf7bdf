// Small DOM helpers and card rendering.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function flash(message, kind = 'error') {
  const el = document.getElementById('flash');
  el.className = kind;
  el.textContent = message;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => { el.textContent = ''; el.className = ''; }, 5000);
}

const SUITS = { s: ['♠', 'spades'], h: ['♥', 'hearts'], d: ['♦', 'diamonds'], c: ['♣', 'clubs'] };
const RANKS = { T: '10', J: 'J', Q: 'Q', K: 'K', A: 'A' };
const RANK_NAMES = { A: 'ace', K: 'king', Q: 'queen', J: 'jack', T: 'ten' };

/** A face-up card ("As", "Td"): rank and suit symbol, four-colour deck, named for screen readers. */
export function card(code) {
  const rank = code[0];
  const [symbol, suit] = SUITS[code[1]] || ['?', 'unknown'];
  const name = `${RANK_NAMES[rank] || rank} of ${suit}`;
  return h('span', { class: `card ${suit}`, 'data-card': code, role: 'img', 'aria-label': name, title: name },
    h('span', { class: 'rank' }, RANKS[rank] || rank), h('span', { class: 'suit' }, symbol));
}

/** A card face down. */
export function cardBack() {
  return h('span', { class: 'card back', role: 'img', 'aria-label': 'face-down card' });
}

export function chips(n) {
  return n == null ? '' : Number(n).toLocaleString('en-US');
}
