/* Korean-aware search, query side. The index side is hooks/search_ko.py (see keras_kb/site_build/korean.py).
 * The last section of this file holds the index back until the reader first reaches for the page.
 *
 * Why this looks the way it does:
 * - Material 9.8 runs lunr in a web worker, sends it the raw query and offers no query hook; the
 *   bundle creates that worker as soon as it loads. So this file is loaded in <head> (mkdocs.yml,
 *   extra.polyfills, right after the iframe-worker shim that stands in for Worker on file://) and
 *   wraps the Worker class: a QUERY message gets the reader's Korean words cut into the atoms the
 *   index holds, and a RESULT message gets the reader's language first. Nothing else changes.
 * - A browser has no Korean analyser. The build ships its dictionary instead: every atom Kiwi
 *   found on the site plus the particle/ending tails seen after atoms. It travels inside the search
 *   index (config.kb), so it also works from file://, where fetch() of a JSON file is blocked.
 * - A word is cut into dictionary atoms followed by at most one tail, taking the cut with the
 *   fewest pieces (손실함수를 -> 손실 함수, 활성화함수는 -> 활성화 함수). A word the dictionary
 *   cannot cover only loses a known tail; lunr still adds its trailing wildcard to every piece,
 *   so a query never finds less than with Material's own handling of the word.
 * - The index holds both languages. Results in the page's language come first: their scores are
 *   doubled, and a page whose twin in the other language matched better moves just above it.
 */
(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3 // Material's SearchMessageType
  var HANGUL = /[\uac00-\ud7a3]/
  var RUNS = /[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g
  var BaseWorker = window.Worker

  var kb = { terms: null, suffixes: new Set(), longest: 0, default: "ko", prefixes: {} }

  function configure(config) {
    var data = config && config.kb
    if (!data) return
    kb.terms = new Set(data.terms)
    kb.suffixes = new Set(data.suffixes)
    kb.longest = data.terms.reduce(function (n, t) { return Math.max(n, t.length) }, 0)
    kb.default = data.default || "ko"
    kb.prefixes = data.prefixes || {}
    api.ready = true
  }

  /* Cut one Hangul run into atoms + an optional tail: the cut with the fewest atoms, then the
   * shortest tail. Returns the atoms; [] when the run is only a tail (a particle after `fit`). */
  function segment(word) {
    if (!kb.terms) return [word]
    var n = word.length
    var best = new Array(n + 1) // best[i]: fewest atoms covering word[0:i]
    best[0] = []
    for (var i = 0; i < n; i++) {
      if (!best[i]) continue
      for (var j = i + 1; j <= Math.min(n, i + kb.longest); j++) {
        var piece = word.slice(i, j)
        if (kb.terms.has(piece) && (!best[j] || best[j].length > best[i].length + 1))
          best[j] = best[i].concat([piece])
      }
    }
    var choice = null
    for (var k = n; k >= 0; k--) { // k = where the tail starts; later k = shorter tail
      if (!best[k] || (k < n && !kb.suffixes.has(word.slice(k)))) continue
      if (!choice || best[k].length < choice.length) choice = best[k]
    }
    if (choice) return choice
    // not covered by the dictionary: drop the longest known tail that leaves two letters or more
    for (var t = 2; t < n; t++)
      if (kb.suffixes.has(word.slice(t))) return [word.slice(0, t)]
    return [word]
  }

  /* The reader's query with every Korean word cut into index atoms. */
  function analyse(query) {
    if (!kb.terms || !HANGUL.test(query)) return query
    return query.split(/\s+/).map(function (word) {
      var lead = /^[+\-]/.test(word) ? word[0] : ""
      var core = word.slice(lead.length)
      if (!HANGUL.test(core) || /["*~^:]/.test(core)) return word // lunr syntax: leave it
      var pieces = [], latin = []
      var runs = core.match(RUNS)
      runs.forEach(function (run, r) {
        if (!HANGUL.test(run)) {
          run = run.replace(/^[\-_.]+|[\-_.]+$/g, "") // K-폴드: the hyphen only joins
          if (run.length > 1) { pieces.push(run); latin.push(run) } // a lone K would match k*
          return
        }
        var atoms = segment(run)
        if (!atoms.length && r === 0) atoms = [run] // a lone particle-like word stays
        pieces.push.apply(pieces, atoms)
      })
      // Conv2D층, LSTM층을: the Latin name is the subject, the glued noun only narrows it
      var glued = latin.length && pieces.length > latin.length && !lead
      return pieces.map(function (p) {
        return (glued && latin.indexOf(p) >= 0 ? "+" : lead) + p
      }).join(" ")
    }).join(" ").trim()
  }

  function languageOf(location) {
    for (var locale in kb.prefixes)
      if (location.indexOf(kb.prefixes[locale]) === 0) return locale
    return kb.default
  }

  function pageOf(location) {
    var path = location.split("#")[0]
    var lang = languageOf(location)
    return lang === kb.default ? path : path.slice(kb.prefixes[lang].length)
  }

  /* Results grouped by page (Material's SearchItem[][]), the reader's language first. */
  function favour(items, lang) {
    var best = function (group) {
      return group.reduce(function (m, item) { return Math.max(m, item.score) }, 0)
    }
    var other = {} // page -> best score of that page in another language
    items.forEach(function (group) {
      var loc = group[0].location
      if (languageOf(loc) !== lang) other[pageOf(loc)] = Math.max(other[pageOf(loc)] || 0, best(group))
    })
    items.forEach(function (group) {
      var loc = group[0].location
      var score = best(group)
      if (languageOf(loc) !== lang || score <= 0) return
      var target = Math.max(2 * score, 1.01 * (other[pageOf(loc)] || 0))
      group.forEach(function (item) { item.score *= target / score })
    })
    return items
      .map(function (group, i) { return { group: group, score: best(group), i: i } })
      .sort(function (a, b) { return b.score - a.score || a.i - b.i })
      .map(function (entry) { return entry.group })
  }

  var api = {
    analyse: analyse, segment: segment, favour: favour, configure: configure,
    BaseWorker: BaseWorker, last: null, ready: false
  }
  window.kbSearch = api
  if (typeof BaseWorker !== "function") return

  var rewritten = new WeakMap() // one rewrite per event, however many listeners see it

  function rewrite(event) {
    var data = event.data
    if (!data || data.type !== RESULT || !data.data || !data.data.items) return event
    if (!rewritten.has(event)) {
      var lang = (document.documentElement.lang || kb.default).split("-")[0]
      var items = favour(data.data.items, lang)
      api.last = { query: api.query, items: items.map(function (g) { return g[0].location }) }
      var result = Object.assign({}, data.data, { items: items })
      rewritten.set(event, new MessageEvent("message", { data: { type: RESULT, data: result } }))
    }
    return rewritten.get(event)
  }

  class KbWorker extends BaseWorker {
    constructor(url, options) {
      super(url, options)
      this.kbSearch = /\/workers\/search\.[^/]*\.js/.test(String(url))
      this.kbListeners = new Map()
    }

    postMessage(message, transfer) {
      if (this.kbSearch && message && message.type === SETUP) configure(message.data.config)
      if (this.kbSearch && message && message.type === QUERY) {
        api.query = { raw: message.data, analysed: analyse(message.data) }
        message = { type: QUERY, data: api.query.analysed }
      }
      return transfer === undefined ? super.postMessage(message) : super.postMessage(message, transfer)
    }

    addEventListener(type, listener, options) {
      if (!this.kbSearch || type !== "message" || !listener)
        return super.addEventListener(type, listener, options)
      var wrapped = function (event) {
        event = rewrite(event)
        return typeof listener === "function" ? listener.call(this, event) : listener.handleEvent(event)
      }
      this.kbListeners.set(listener, wrapped)
      return super.addEventListener(type, wrapped, options)
    }

    removeEventListener(type, listener, options) {
      var wrapped = this.kbListeners.get(listener)
      if (wrapped) this.kbListeners.delete(listener)
      return super.removeEventListener(type, wrapped || listener, options)
    }
  }

  window.Worker = KbWorker
})()

/* The search index (about 270 KB gzipped) is downloaded when the reader first reaches for the page
 * (a key, a tap, a click or focus anywhere: the search box is one of them), not while the page
 * itself loads. Material's bundle requests it as soon as it starts, over XMLHttpRequest, and on a
 * slow connection that download competed with the page's own files (bench/run.py, Lighthouse LCP).
 * A link that opens search with a query (?q=, search.share) asks for the index at once. Until
 * the index arrives, Material's search box says it is initializing, as it did before.
 */
;(function () {
  "use strict"

  var INDEX = /\/search\/search_index\.json$/
  var release
  var wanted = new Promise(function (resolve) { release = resolve })
  if (new URLSearchParams(location.search).has("q")) release()
  ;["keydown", "pointerdown", "focusin", "touchstart"].forEach(function (type) {
    addEventListener(type, release, { capture: true, once: true, passive: true })
  })

  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbSearchIndex = INDEX.test(new URL(String(url), location.href).pathname)
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function (body) {
    if (!this.kbSearchIndex) return send.call(this, body)
    var request = this
    wanted.then(function () { send.call(request, body) })
  }
})()
