'use strict'
// Reads hand histories with hhp (a third-party PokerStars hand-history parser) for HhpReadsOurHistoriesIT.
// stdin: [{"id": ..., "text": "..."}]; stdout: [{"id": ..., "hand": {...}} or {"id": ..., "error": "..."}].
const hhp = require('hhp')

// hhp reads cash-game stakes only with a currency sign, "($5/$10)"; PokerStars play-money headers have
// none, "(5/10)". This is the one change made to the text: a "$" before each stake in the header.
function withCurrencySign(text) {
  const end = text.indexOf('\n')
  return text.slice(0, end).replace(/ \((\d+)\/(\d+)\) - /, ' ($$$1/$$$2) - ') + text.slice(end)
}

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', chunk => { input += chunk })
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(({ id, text }) => {
    try {
      const adapted = withCurrencySign(text)
      if (!hhp.canParse(adapted)) return { id, error: 'hhp does not recognise the hand' }
      const hand = hhp.parseHand(adapted)
      return hand ? { id, hand } : { id, error: 'hhp returned nothing' }
    } catch (e) {
      return { id, error: String(e && e.stack || e) }
    }
  })
  process.stdout.write(JSON.stringify(out))
})
