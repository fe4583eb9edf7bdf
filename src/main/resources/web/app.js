// The browser client: hash routes over the public API (API.md) and the live table socket.
import { get, post, del, session, setSession, ApiError } from './api.js';
import { h, flash, chips } from './ui.js';
import { tableScreen } from './table.js';
import { handsScreen, handScreen, moderatorReplayScreen } from './hands.js';
import { tournamentCards, sitAndGoForm, tournamentScreen } from './tournaments.js';

const app = document.getElementById('app');
let cleanup = null;   // the current screen's stop function (timers, sockets)

function mount(...nodes) {
  app.replaceChildren(...nodes);
}

export function go(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

async function nav() {
  const n = document.getElementById('nav');
  const s = session();
  if (!s) { n.replaceChildren(h('a', { href: '#/login' }, 'Log in')); return; }
  const balance = h('span', { id: 'balance', 'aria-label': 'Wallet balance' }, '…');
  n.replaceChildren(
    h('a', { href: '#/lobby' }, 'Lobby'),
    h('a', { href: '#/wallet' }, 'Wallet ', balance),
    h('span', { class: 'who', 'aria-label': 'Logged in as' }, s.displayName || s.username),
    h('button', { type: 'button', onclick: logout }, 'Log out'));
  refreshBalance();
}

export async function refreshBalance() {
  const el = document.getElementById('balance');
  if (!el || !session()) return;
  try { el.textContent = chips((await get('/wallet')).balance); } catch { /* shown on the next try */ }
}

async function logout() {
  try { await del('/sessions/current'); } catch { /* gone already */ }
  setSession(null);
  go('#/login');
}

function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

function loginScreen() {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true, pattern: '[a-z0-9_]{3,32}' });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, minlength: 8 });
  const form = h('form', { class: 'card-panel auth', 'aria-label': 'Log in or register' },
    h('h1', {}, 'Play No-Limit Hold\'em'),
    h('p', { class: 'muted' }, 'New here? Pick a username (3–32 of a-z, 0-9, _) and a password (8+ characters), then Register: you get 10,000 play chips.'),
    field('Username', user), field('Password', pass),
    h('div', { class: 'row' },
      h('button', { type: 'submit', name: 'login' }, 'Log in'),
      h('button', { type: 'submit', name: 'register', class: 'secondary' }, 'Register')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const register = e.submitter && e.submitter.name === 'register';
    const creds = { username: user.value.trim(), password: pass.value };
    try {
      if (register) await post('/users', creds);
      const s = await post('/sessions', creds);
      setSession({ ...s, username: creds.username });
      try { const me = await get('/users/me'); setSession({ ...s, username: me.username, displayName: me.displayName, role: me.role }); } catch { /* optional */ }
      go('#/lobby');
    } catch (err) {
      flash(err.message);
    }
  });
  mount(form);
  user.focus();
}

function lobbyScreen() {
  const body = h('tbody');
  const table = h('table', { class: 'lobby', 'aria-label': 'Cash tables' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Table'), h('th', {}, 'Blinds'), h('th', {}, 'Seats'), h('th', {}, 'Status'), h('th', {}, ''))),
    body);
  const refresh = async () => {
    try {
      const tables = await get('/tables');
      const rows = tables.filter((t) => !t.tournamentId).map((t) => h('tr', { 'data-table-id': t.tableId },
        h('td', {}, t.name), h('td', {}, `${chips(t.smallBlind)}/${chips(t.bigBlind)}`),
        h('td', {}, `${t.seatsTaken}/${t.maxSeats}`), h('td', {}, t.status),
        h('td', {}, h('a', { href: `#/table/${t.tableId}`, class: 'button', 'aria-label': `Open ${t.name}` }, 'Open'))));
      body.replaceChildren(...(rows.length ? rows : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No tables yet: create one.'))]));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) go('#/login');
    }
  };
  const inputs = {
    name: h('input', { name: 'name', value: 'My table', required: true, maxlength: 64 }),
    smallBlind: h('input', { name: 'smallBlind', type: 'number', value: 5, min: 1 }),
    bigBlind: h('input', { name: 'bigBlind', type: 'number', value: 10, min: 1 }),
    maxSeats: h('input', { name: 'maxSeats', type: 'number', value: 6, min: 2, max: 10 }),
    minBuyIn: h('input', { name: 'minBuyIn', type: 'number', value: 200, min: 1 }),
    maxBuyIn: h('input', { name: 'maxBuyIn', type: 'number', value: 1000, min: 1 }),
    actionSeconds: h('input', { name: 'actionSeconds', type: 'number', value: 20, min: 1 }),
  };
  const form = h('form', { class: 'card-panel create', 'aria-label': 'Create a table' },
    h('h2', {}, 'Create a table'),
    h('div', { class: 'grid' },
      field('Table name', inputs.name), field('Small blind', inputs.smallBlind), field('Big blind', inputs.bigBlind),
      field('Seats', inputs.maxSeats), field('Min buy-in', inputs.minBuyIn), field('Max buy-in', inputs.maxBuyIn),
      field('Seconds to act', inputs.actionSeconds)),
    h('button', { type: 'submit' }, 'Create table'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { name: inputs.name.value };
    for (const k of ['smallBlind', 'bigBlind', 'maxSeats', 'minBuyIn', 'maxBuyIn', 'actionSeconds']) body[k] = Number(inputs[k].value);
    try {
      const { tableId } = await post('/tables?consistency=strong', body);
      go(`#/table/${tableId}`);
    } catch (err) { flash(err.field ? `${err.field}: ${err.message}` : err.message); }
  });
  const tournaments = tournamentCards();
  mount(h('section', { class: 'lobby-screen' }, h('h1', {}, 'Lobby'),
    h('p', { class: 'muted' }, 'Cash tables and tournaments, refreshed every few seconds.'), table,
    h('h2', {}, 'Tournaments'), tournaments.box), h('div', { class: 'two-col' }, form, sitAndGoForm(go)));
  const both = () => { refresh(); tournaments.refresh().catch(() => {}); };
  both();
  const timer = setInterval(both, 3000);
  return () => clearInterval(timer);
}

async function walletScreen() {
  const [wallet, ledger] = await Promise.all([get('/wallet'), get('/wallet/transactions?limit=50')]);
  const rows = (Array.isArray(ledger) ? ledger : []).map((t) => h('tr', { 'data-kind': t.kind },
    h('td', {}, t.occurredAt ? new Date(t.occurredAt).toLocaleString() : ''), h('td', {}, String(t.kind || '').replace(/_/g, ' ')),
    h('td', { class: 'num' }, chips(t.amount)), h('td', { class: 'num' }, chips(t.balance)),
    h('td', { class: 'muted' }, t.tableId ? h('a', { href: `#/table/${t.tableId}` }, 'table') : (t.reference || ''))));
  mount(h('section', { class: 'card-panel' }, h('h1', {}, 'Wallet'),
    h('p', {}, 'Balance: ', h('strong', { 'aria-label': 'Balance', id: 'wallet-balance' }, chips(wallet.balance))),
    h('table', { class: 'ledger', 'aria-label': 'Ledger' },
      h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'What'), h('th', {}, 'Amount'), h('th', {}, 'Balance'), h('th', {}, 'Reference'))),
      h('tbody', {}, rows))));
}

async function route() {
  if (cleanup) { try { cleanup(); } catch { /* ignore */ } cleanup = null; }
  const parts = (location.hash.replace(/^#\/?/, '') || 'lobby').split('/');
  nav();
  if (!session() && parts[0] !== 'login') { go('#/login'); return; }
  try {
    switch (parts[0]) {
      case 'login': loginScreen(); break;
      case 'wallet': await walletScreen(); break;
      case 'tournament': cleanup = await tournamentScreen(app, parts[1]); break;
      case 'table':
        if (parts[2] === 'replay') cleanup = await moderatorReplayScreen(app, parts[1]);
        else if (parts[2] === 'hands' && parts[3]) cleanup = await handScreen(app, parts[1], Number(parts[3]));
        else if (parts[2] === 'hands') cleanup = await handsScreen(app, parts[1]);
        else cleanup = await tableScreen(app, parts[1]);
        break;
      default: cleanup = lobbyScreen();
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { go('#/login'); return; }
    mount(h('p', { class: 'error' }, err.message));
  }
}

window.addEventListener('hashchange', route);
route();
