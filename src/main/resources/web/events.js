// Event texts for the log and the replay, the replay's running board and pot, and the deck check.

/** One line for an event (the caller's view of it). */
export function describe(ev, name) {
  const who = (seat) => name(seat);
  switch (ev.type) {
    case 'HandStarted': return `Hand #${ev.handNumber} starts, button seat ${ev.button}`;
    case 'BlindPosted': return `${who(ev.seat)} posts the ${String(ev.blind || '').toLowerCase().replace('_', ' ')} blind ${ev.amount}`;
    case 'AntePosted': return `${who(ev.seat)} posts ante ${ev.amount}`;
    case 'HoleCardsDealt': return ev.cards ? `${who(ev.seat)} is dealt ${ev.cards.join(' ')}` : `${who(ev.seat)} is dealt two cards`;
    case 'PlayerFolded': return `${who(ev.seat)} folds${ev.reason && ev.reason !== 'player' ? ` (${ev.reason})` : ''}`;
    case 'PlayerChecked': return `${who(ev.seat)} checks${ev.reason && ev.reason !== 'player' ? ` (${ev.reason})` : ''}`;
    case 'BetPlaced': {
      const a = String(ev.action || '').toLowerCase();
      if (a === 'call') return `${who(ev.seat)} calls ${ev.added}`;
      if (a === 'bet') return `${who(ev.seat)} bets ${ev.totalBet}`;
      if (a === 'raise') return `${who(ev.seat)} raises to ${ev.totalBet}`;
      return `${who(ev.seat)} goes all-in (${ev.totalBet})`;
    }
    case 'FlopDealt': return `Flop ${(ev.cards || []).join(' ')}`;
    case 'TurnDealt': return `Turn ${ev.card}`;
    case 'RiverDealt': return `River ${ev.card}`;
    case 'UncalledBetReturned': return `${ev.amount} returned to ${who(ev.seat)}`;
    case 'CardsShown': return `${who(ev.seat)} shows ${(ev.cards || []).join(' ')}`;
    case 'HandMucked': return `${who(ev.seat)} mucks`;
    case 'HandWon': return `${who(ev.seat)} wins ${ev.amount}${ev.hand ? ` with ${ev.hand}` : ''}${ev.pot ? ` (side pot ${ev.pot})` : ''}`;
    case 'HandEnded': return `Hand #${ev.handNumber} ends`;
    case 'ParticipantJoined': return `${who(ev.seatNumber)} sits at seat ${ev.seatNumber} with ${ev.chips}`;
    case 'ParticipantLeft': return ev.seatNumber != null ? `${who(ev.seatNumber)} leaves seat ${ev.seatNumber}` : 'A player leaves';
    case 'DeckSealed': return 'The deck is sealed';
    case 'TurnClockStarted': return `${who(ev.seatNumber)} to act`;
    case 'HandClosed': return `Hand #${ev.handNumber ?? ''} closed`;
    default: return ev.type ? ev.type.replace(/([a-z])([A-Z])/g, '$1 $2') : 'Event';
  }
}

/** Board and pot (all chips put in so far, this street's bets included) after each of a hand's events. */
export function replaySteps(actions) {
  const steps = [{ board: [], pot: 0, text: 'Start' }];
  let board = [];
  let pot = 0;
  for (const ev of actions) {
    switch (ev.type) {
      case 'BlindPosted': case 'AntePosted': pot += ev.amount; break;
      case 'BetPlaced': pot += ev.added; break;
      case 'UncalledBetReturned': pot -= ev.amount; break;
      case 'FlopDealt': board = [...ev.cards]; break;
      case 'TurnDealt': case 'RiverDealt': board = [...board, ev.card]; break;
      default:
    }
    steps.push({ board, pot, event: ev });
  }
  return steps;
}

async function sha256hex(text) {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks, in the browser, the openings the viewer receives against the hand's committed leaves
 * (README "Fair deck"): leaf_i = SHA-256("i:card:salt"), commitment = SHA-256(leaves joined).
 */
export class DeckCheck {
  constructor() { this.handNumber = null; this.checked = 0; this.failed = 0; this.seen = new Set(); }

  start(deck) {
    if (!deck || !deck.leaves) return;
    if (deck.handNumber === this.handNumber && this.leaves) return;
    this.handNumber = deck.handNumber;
    this.commitment = deck.commitment;
    this.leaves = deck.leaves;
    this.checked = 0; this.failed = 0; this.seen = new Set();
    this.rootOk = null;
    if (crypto.subtle) sha256hex(deck.leaves.join('')).then((c) => { this.rootOk = c === deck.commitment; if (!this.rootOk) this.failed++; });
    if (deck.openings) this.open(deck.openings);
  }

  async open(openings) {
    if (!this.leaves || !crypto.subtle) return;
    for (const o of openings || []) {
      if (this.seen.has(o.position)) continue;
      this.seen.add(o.position);
      const leaf = await sha256hex(`${o.position}:${o.card}:${o.salt}`);
      if (leaf === this.leaves[o.position]) this.checked++; else this.failed++;
    }
  }
}
