/* whoswho search: runs in the browser over the index `whoswho build` writes to
   search/data/ (docs/search.md describes the files and the ranking). Plain JavaScript,
   no framework and no build step. Everything that comes from the index is put into the
   page with textContent and createElement, never as HTML. */
(function () {
  'use strict';

  var app = document.getElementById('search-app');
  if (!app || !window.fetch || !window.URLSearchParams || !window.TextDecoder) return;

  // Opened from the file system (file://), a page may not fetch other files: a site
  // built with `whoswho build --file-preview` carries each piece of the index also as a
  // script, which is loaded with a script element instead, and its links name index.html.
  var FILE_MODE = location.protocol === 'file:' && app.getAttribute('data-file-preview') === 'true';

  // ---- Settings --------------------------------------------------------------------

  var PAGE_SIZE = 10;          // results shown at first and added by "Show more"
  var EXCERPT_LENGTH = 160;    // the document store's excerpts are cut near this (SearchDocument.excerptLength)
  var PREFIX_FACTOR = 0.7;     // a word that only starts with the query word counts less
  var FUZZY_FACTOR = 0.5;      // and a word one typo away less again
  var FUZZY_MIN_LENGTH = 5;    // typo tolerance for words of five letters or more
  var STEM_MIN_LENGTH = 6;     // a word of six letters or more that matches nothing
  var STEM_MIN_SHARE = 2 / 3;  // may match the longest indexed word it begins with, of at least 2/3 its length
  var PREFIX_MIN_LENGTH = 2;   // "d" alone does not expand to every word starting with d
  var PREFIX_MAX_SHARDS = 3;   // term shards a prefix may load
  var PREFIX_MAX_TERMS = 100;  // words a prefix may expand to
  var DEBOUNCE_MS = 120;
  var COMMON_SHARE = 3;        // a word in more than 1/3 of all items is common (docs/search.md, "Ranking")
  var FACETS = ['topic', 'region', 'kind', 'format'];

  var base = app.getAttribute('data-index') || 'data/';
  var root = app.getAttribute('data-root') || '';

  /** A link to a folder of the site, naming its index.html when opened from files. */
  function page(url) {
    return FILE_MODE && /\/$/.test(url) ? url + 'index.html' : url;
  }
  var form = document.getElementById('search-form');
  var filters = document.getElementById('search-filters');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var clear = document.getElementById('search-clear');
  var closedBox = document.getElementById('search-closed');
  var toggle = document.getElementById('search-filters-toggle');
  var done = document.getElementById('search-filters-done');
  var guidesNote = document.getElementById('search-guides');
  var correctedNote = document.getElementById('search-corrected');
  // The query the address asked to search as typed (exact=1), until the reader changes it.
  var exactFor = null;

  // ---- Tokens: the same rules as Sources/Search/Tokenizer.swift ------------------------

  var MAX_TOKEN = 40;
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;

  /** Lower-case, final sigma as sigma, accents dropped: "Café" → "cafe". */
  function fold(text) {
    return text.toLowerCase().replace(/ς/g, 'σ').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  /** The terms of `text`, in order. */
  function tokens(text) {
    var out = fold(text).match(WORD) || [];
    return out.filter(function (t) { return t.length <= MAX_TOKEN; });
  }

  // English words that carry no subject, and the filler of a reader's sentence ("I just
  // found out I have ..."): left out of a query unless it has no other word. The index
  // keeps them, so a query of nothing else still finds them.
  var STOP_WORDS = new Set(('a about ago also am an and any anyone are as at be been being but by can could d did do does doing ' +
    'don dont for found from get got had has have having he her here him his how i if im in into is it ' +
    'its ive just know last like live ll looking m me month months my myself near need of on or our ours ' +
    'please re recently s she should so some someone something t than that the their them then there ' +
    'these they this those to us ve want was we week weeks were what when where which who whom why with ' +
    'would year years you your').split(' '));

  /** The words a query searches for: its terms, once each, without stop words unless
      it has nothing else. */
  function queryWords(terms) {
    var unique = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
    var content = unique.filter(function (t) { return !STOP_WORDS.has(t); });
    return content.length ? content : unique;
  }

  /** The words of `text` where they stand, each with its folded term, for marking excerpts. */
  function wordSpans(text) {
    var spans = [];
    var re = new RegExp(WORD.source, 'gu');
    var m;
    while ((m = re.exec(text)) !== null) {
      spans.push({ start: m.index, end: m.index + m[0].length, term: fold(m[0]) });
    }
    return spans;
  }

  // ---- Loading the index -----------------------------------------------------------------

  var manifest = null;
  var build = '';
  var cache = new Map();

  // Pieces loaded as scripts call whoswhoSearchPiece(path, base64 of the file's bytes).
  var waiting = {};
  window.whoswhoSearchPiece = function (path, text) {
    if (waiting[path]) { waiting[path](text); delete waiting[path]; }
  };

  function loadScriptPiece(path, kind) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      waiting[path] = function (base64) {
        var binary = atob(base64), bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        if (kind === 'bytes') return resolve(bytes.buffer);
        var text = new TextDecoder('utf-8').decode(bytes);
        resolve(kind === 'json' ? JSON.parse(text) : text);
      };
      script.onerror = function () { delete waiting[path]; reject(new Error(path + ': cannot be loaded')); };
      script.onload = function () { script.remove(); };
      script.src = base + path + '.js';
      document.head.appendChild(script);
    });
  }

  function fetchPiece(path, kind) {
    var key = path;
    if (cache.has(key)) return cache.get(key);
    var promise = FILE_MODE ? loadScriptPiece(path, kind) : fetch(base + path + '?v=' + encodeURIComponent(build)).then(function (response) {
      if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
      return kind === 'json' ? response.json() : kind === 'text' ? response.text() : response.arrayBuffer();
    });
    promise.catch(function () { cache.delete(key); });
    cache.set(key, promise);
    return promise;
  }

  function Reader(buffer) {
    this.bytes = new Uint8Array(buffer);
    this.offset = 0;
  }
  Reader.prototype.varint = function () {
    var value = 0, scale = 1, b;
    do {
      b = this.bytes[this.offset++];
      value += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return value;
  };

  /** A term shard: its terms in order, each with where its postings are. */
  function parseShard(buffer) {
    var r = new Reader(buffer), decoder = new TextDecoder();
    var count = r.varint(), terms = [], entries = new Map();
    for (var i = 0; i < count; i++) {
      var length = r.varint();
      var term = decoder.decode(r.bytes.subarray(r.offset, r.offset + length));
      r.offset += length;
      var df = r.varint(), sizeAndForm = r.varint();
      terms.push(term);
      entries.set(term, { df: df, start: r.offset, bitmap: sizeAndForm % 2 === 1, bytes: r.bytes, postings: null });
      r.offset += Math.floor(sizeAndForm / 2);
    }
    return { terms: terms, entries: entries };
  }

  /** Decodes a term's postings once: document ids and impact bytes. A term in many
      documents comes as a bitmap over all documents followed by its impacts; any
      other as (gap, impact) pairs. */
  function postings(entry) {
    if (entry.postings) return entry.postings;  // decoded before, or a region's
    var r = new Reader(entry.bytes.buffer);
    r.offset = entry.start;
    var docs = new Uint32Array(entry.df), impacts = new Uint8Array(entry.df), i;
    if (entry.bitmap) {
      var n = manifest.documents, bits = r.offset, k = 0;
      r.offset += Math.ceil(n / 8);
      for (var d = 0; d < n && k < entry.df; d++) {
        if (r.bytes[bits + (d >> 3)] & (1 << (d & 7))) docs[k++] = d;
      }
      for (i = 0; i < entry.df; i++) impacts[i] = r.bytes[r.offset++];
    } else {
      var previous = -1;
      for (i = 0; i < entry.df; i++) {
        previous += r.varint() + 1;
        docs[i] = previous;
        impacts[i] = r.bytes[r.offset++];
      }
    }
    entry.postings = { docs: docs, impacts: impacts };
    return entry.postings;
  }

  function shard(i) {
    return fetchPiece('terms/' + i + '.bin', 'bytes').then(function (buffer) {
      var key = 'parsed:' + i;
      if (!cache.has(key)) cache.set(key, parseShard(buffer));
      return cache.get(key);
    });
  }

  /** The shard whose range holds `term`: the last whose first term is not after it, or -1. */
  function shardOf(term) {
    var lo = 0, hi = manifest.shards.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (manifest.shards[mid] <= term) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function documentShard(i) {
    return fetchPiece('docs/' + i + '.json', 'json');
  }

  /** The stored fields of documents `ids`: path, name, summary, excerpt, status. */
  function documents(ids) {
    var per = manifest.documentsPerShard, wanted = [];
    ids.forEach(function (id) {
      var s = Math.floor(id / per);
      if (wanted.indexOf(s) < 0) wanted.push(s);
    });
    return Promise.all(wanted.map(documentShard)).then(function (shards) {
      var byShard = new Map();
      wanted.forEach(function (s, k) { byShard.set(s, shards[k]); });
      return ids.map(function (id) { return byShard.get(Math.floor(id / per))[id % per]; });
    });
  }

  // ---- Matching words ------------------------------------------------------------------

  /** True when `a` and `b` are at most one edit apart (insert, delete, substitute, swap two). */
  function oneEdit(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (i === la) return true;
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function vocabularyKey(unit) {
    return unit >= 'a' && unit <= 'z' && unit.length === 1 ? unit : '_';
  }

  /** The index terms a query word stands for: itself, the words it begins (if it is the
      word being typed), else words one typo away. Each comes with its weight. */
  function expand(word, prefix, asTyped) {
    var found = [], start = shardOf(word);
    function exact() {
      if (start < 0) return Promise.resolve();
      return shard(start).then(function (s) {
        if (s.entries.has(word)) found.push({ term: word, factor: 1, entry: s.entries.get(word) });
      });
    }
    function prefixes() {
      if (!prefix || word.length < PREFIX_MIN_LENGTH) return Promise.resolve();
      var first = start < 0 ? 0 : start, indexes = [];
      for (var i = first; i < manifest.shards.length && indexes.length < PREFIX_MAX_SHARDS; i++) {
        if (i === start || manifest.shards[i].lastIndexOf(word, 0) === 0) indexes.push(i); else break;
      }
      return Promise.all(indexes.map(shard)).then(function (shards) {
        var added = 0;
        shards.forEach(function (s) {
          s.terms.forEach(function (t) {
            if (t !== word && added < PREFIX_MAX_TERMS && t.lastIndexOf(word, 0) === 0) {
              found.push({ term: t, factor: PREFIX_FACTOR, entry: s.entries.get(t) });
              added++;
            }
          });
        });
      });
    }
    function fuzzy() {
      if (asTyped || found.length || word.length < FUZZY_MIN_LENGTH || /\p{N}/u.test(word)) return Promise.resolve();
      var keys = [vocabularyKey(word[0]), vocabularyKey(word[1])].filter(function (k, i, all) {
        return all.indexOf(k) === i && manifest.vocabulary.indexOf(k) >= 0;
      });
      return Promise.all(keys.map(function (k) { return fetchPiece('vocab/' + k + '.txt', 'text'); })).then(function (texts) {
        var candidates = [];
        texts.forEach(function (text) {
          text.split('\n').forEach(function (t) {
            if (t && candidates.indexOf(t) < 0 && oneEdit(word, t)) candidates.push(t);
          });
        });
        return Promise.all(candidates.map(function (t) {
          var i = shardOf(t);
          return i < 0 ? null : shard(i).then(function (s) {
            if (s.entries.has(t)) found.push({ term: t, factor: FUZZY_FACTOR, entry: s.entries.get(t) });
          });
        }));
      });
    }
    // A longer form of an indexed word ("alcoholics", "volunteering") that nothing else
    // matched reads as the longest indexed word it begins with ("alcohol", "volunteer").
    function stem() {
      if (asTyped || found.length || word.length < STEM_MIN_LENGTH || /\p{N}/u.test(word)) return Promise.resolve();
      var shortest = Math.max(FUZZY_MIN_LENGTH, Math.ceil(word.length * STEM_MIN_SHARE)), heads = [];
      for (var k = word.length - 1; k >= shortest; k--) heads.push(word.slice(0, k));
      var indexes = heads.map(shardOf).filter(function (i, at, all) { return i >= 0 && all.indexOf(i) === at; });
      return Promise.all(indexes.map(shard)).then(function (shards) {
        for (var h = 0; h < heads.length; h++) {
          var s = shards[indexes.indexOf(shardOf(heads[h]))];
          if (s && s.entries.has(heads[h])) {
            found.push({ term: heads[h], factor: FUZZY_FACTOR, entry: s.entries.get(heads[h]) });
            return;
          }
        }
      });
    }
    return Promise.all([exact(), prefixes()]).then(fuzzy).then(stem).then(function () { return found; });
  }

  /** Two neighbouring words of the query that the index knows written as one ("bi polar",
      "post natal"), where one of them is not an indexed word by itself, are searched as
      that one word. Returns the words and their expansions after joining. */
  function joinWrittenApart(words, expansions, rest, typing, asTyped) {
    var tries = [];
    function whole(x) { return x.factor === 1; }
    for (var i = 0; !asTyped && i + 1 < words.length; i++) {
      var at = rest.indexOf(words[i]);
      if (at < 0 || rest[at + 1] !== words[i + 1] || STOP_WORDS.has(words[i]) || STOP_WORDS.has(words[i + 1])) continue;
      if (expansions[i].some(whole) && expansions[i + 1].some(whole)) continue;
      tries.push(i);
      i++;  // a word joins one neighbour at most
    }
    return Promise.all(tries.map(function (i) {
      return expand(words[i] + words[i + 1], words[i + 1] === typing && i + 2 === words.length, true);
    })).then(function (joined) {
      var outWords = [], outExpansions = [], joins = [];
      for (var i = 0; i < words.length; i++) {
        var t = tries.indexOf(i);
        if (t >= 0 && joined[t].length) {
          outWords.push(words[i] + words[i + 1]);
          outExpansions.push(joined[t]);
          // Said as the joined word, or (while it is being typed) the commonest word it begins.
          var said = joined[t].reduce(function (a, b) { return b.factor > a.factor || (b.factor === a.factor && b.entry.df > a.entry.df) ? b : a; });
          joins.push({ from: [words[i], words[i + 1]], to: said.term });
          i++;
        } else {
          outWords.push(words[i]);
          outExpansions.push(expansions[i]);
        }
      }
      return { words: outWords, expansions: outExpansions, joins: joins };
    });
  }

  // ---- Places and postcodes -------------------------------------------------------------

  // words.json (when the site has one): topics' other names, regions' places, postcode
  // prefixes. A place or postcode in a query stands for its region.
  var readerWords = { aliases: [], places: [], postcodes: {} };
  var placeIndex = new Map();  // a place's terms joined by spaces → region indexes
  var PLACE_MAX_WORDS = 4;
  var OUTWARD = /^[a-z]{1,2}\d[a-z\d]?$/, INWARD = /^\d[a-z]{2}$/, WHOLE = /^([a-z]{1,2}\d[a-z\d]?)(\d[a-z]{2})$/;
  // A place's region counts as a match with this impact (in score units) for an item
  // in it or in a region within it, and less for one covering it from a wider region.
  var PLACE_IMPACT = 33, WIDER_IMPACTS = [20, 14, 10];

  function addPlace(text, r) {
    var key = tokens(text).join(' ');
    if (!key) return;
    var list = placeIndex.get(key) || [];
    if (list.indexOf(r) < 0) list.push(r);
    placeIndex.set(key, list);
  }

  var topicIndex = new Map();  // a topic's name, slug or alias as terms → topic index
  // A topic's alias written `T1D = type 1 diabetes`: a short form (as terms) → the
  // words it stands for (terms), which a query searches instead.
  var shortForms = new Map();
  var SHORT_FORM = /^(.*?\S)\s*=\s*(\S.*)$/;

  /** Every region's name and places, and every topic's names, ready for queries. */
  function indexPlaces(words) {
    readerWords = words || readerWords;
    manifest.regions.forEach(function (region, r) {
      addPlace(region.name, r);
      (readerWords.places[r] || []).forEach(function (place) { addPlace(place, r); });
    });
    manifest.topics.forEach(function (topic, t) {
      var names = [topic.name, topic.slug];
      (readerWords.aliases[t] || []).forEach(function (alias) {
        var parts = SHORT_FORM.exec(alias), short = parts && tokens(parts[1]), meaning = parts && tokens(parts[2]);
        if (!parts || !short.length || !meaning.length) return names.push(alias);
        if (!shortForms.has(short.join(' '))) shortForms.set(short.join(' '), meaning);
        names.push(parts[1], parts[2]);
      });
      names.forEach(function (name) {
        var key = tokens(name).join(' ');
        if (key && !topicIndex.has(key)) topicIndex.set(key, t);
      });
    });
  }

  /** The query's terms with each short form a topic's alias defines (`t1d`) replaced
      by the words it stands for (`type 1 diabetes`), longest run first; and what was
      replaced, for the page to say. */
  function spellOut(all) {
    var out = [], replaced = [], i = 0;
    while (i < all.length) {
      var n = Math.min(PLACE_MAX_WORDS, all.length - i), meaning;
      while (n >= 1 && !(meaning = shortForms.get(all.slice(i, i + n).join(' ')))) n--;
      if (n >= 1) {
        replaced.push({ from: all.slice(i, i + n), to: meaning.join(' ') });
        out = out.concat(meaning);
        i += n;
      } else {
        out.push(all[i]);
        i++;
      }
    }
    return { terms: out, replaced: replaced };
  }

  /** The first topic a query names, by its name, slug or another name; or null. */
  function findTopic(all) {
    for (var i = 0; i < all.length; i++) {
      for (var n = Math.min(PLACE_MAX_WORDS, all.length - i); n >= 1; n--) {
        var t = topicIndex.get(all.slice(i, i + n).join(' '));
        if (t !== undefined) return t;
      }
    }
    return null;
  }

  /** The regions of a postcode's outward part (`ls6`): those of the longest listed
      prefix, the district, the district without a sub-district letter, or the area. */
  function postcodeRegions(outward) {
    var code = outward.toUpperCase(), area = code.replace(/\d.*$/, '');
    var tries = [code, code.replace(/^([A-Z]+\d+)[A-Z]$/, '$1'), area];
    for (var i = 0; i < tries.length; i++) {
      if (Object.prototype.hasOwnProperty.call(readerWords.postcodes, tries[i])) return readerWords.postcodes[tries[i]];
    }
    return null;
  }

  /** Splits a query's terms into places (a postcode, or a place's or region's name) and
      the other words. A postcode is never searched for as a word. */
  function findPlaces(all) {
    var places = [], rest = [], i = 0;
    while (i < all.length) {
      var t = all[i], whole = WHOLE.exec(t), regions = null, n = 1, postcode = false;
      if (OUTWARD.test(t) || whole) {
        regions = postcodeRegions(whole ? whole[1] : t);
        if (regions) {
          postcode = true;
          if (!whole && i + 1 < all.length && INWARD.test(all[i + 1])) n = 2;
        }
      }
      if (!regions) {
        for (n = Math.min(PLACE_MAX_WORDS, all.length - i); n >= 1; n--) {
          regions = placeIndex.get(all.slice(i, i + n).join(' '));
          if (regions) break;
        }
      }
      if (regions) {
        places.push({ text: postcode ? (whole ? whole[1] : t) : all.slice(i, i + n).join(' '), regions: regions,
                      postcode: postcode, word: !postcode && n === 1 ? t : null });
        i += n;
      } else {
        rest.push(t);
        i++;
      }
    }
    return { places: places, rest: rest };
  }

  var ancestorsOf = null;  // region → its wider regions, nearest first

  function ancestors(r) {
    if (!ancestorsOf) {
      ancestorsOf = manifest.regions.map(function (_, x) {
        var up = [];
        for (var p = manifest.regions[x].parent; p !== null && up.indexOf(p) < 0; p = manifest.regions[p].parent) up.push(p);
        return up;
      });
    }
    return ancestorsOf[r];
  }

  /** A term made from regions: every item in one of them or in a region within one,
      and, with less weight, every item covering one from a wider region. A region
      with no wider one (UK-wide) holds only the items that name it. */
  function regionEntry(regions) {
    var key = 'regions:' + regions.join(','), f = facetData;
    if (cache.has(key)) return cache.get(key);
    var docs = [], impacts = [];
    for (var d = 0; d < manifest.documents; d++) {
      var best = 0;
      for (var i = f.regionStart[d]; i < f.regionStart[d + 1]; i++) {
        var x = f.regions[i], up = ancestors(x);
        regions.forEach(function (r) {
          if (x === r || up.indexOf(r) >= 0) best = Math.max(best, PLACE_IMPACT);
          var k = ancestors(r).indexOf(x);
          if (k >= 0) best = Math.max(best, WIDER_IMPACTS[Math.min(k, WIDER_IMPACTS.length - 1)]);
        });
      }
      if (best) { docs.push(d); impacts.push(best); }
    }
    var entry = { df: docs.length, postings: { docs: Uint32Array.from(docs), impacts: Uint8Array.from(impacts) } };
    cache.set(key, entry);
    return entry;
  }

  // ---- Searching -----------------------------------------------------------------------

  var facetData = null;
  var valueIndex = {};  // facet → value slug → index

  function idf(df) {
    var n = manifest.documents;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Scores every document for the query words: BM25 impacts from the index, summed over
      words, each word taking its best-matching term. */
  function score(words, expansions) {
    var n = manifest.documents;
    var total = new Float64Array(n), matched = new Uint8Array(n), uncommon = new Uint8Array(n), local = new Uint8Array(n);
    expansions.forEach(function (terms) {
      var best = new Float64Array(n), touched = [];
      terms.forEach(function (x) {
        var p = postings(x.entry), weight = idf(x.entry.df) * manifest.scoreUnit * x.factor;
        for (var i = 0; i < p.docs.length; i++) {
          var d = p.docs[i], s = weight * p.impacts[i];
          if (best[d] === 0) touched.push(d);
          if (s > best[d]) best[d] = s;
          // In a place's region, or a region within it (not only covering it from a wider one).
          if (!x.term && p.impacts[i] === PLACE_IMPACT) local[d] = 1;
        }
      });
      // A word in more than a third of all items says little about what the reader wants.
      var common = touched.length * COMMON_SHARE > n;
      touched.forEach(function (d) { total[d] += best[d]; matched[d]++; if (!common) uncommon[d]++; });
    });
    return { total: total, matched: matched, uncommon: uncommon, local: local, words: words.length };
  }

  function inFacet(d, facet, selected) {
    var f = facetData, i;
    switch (facet) {
      case 'topic':
        for (i = f.topicStart[d]; i < f.topicStart[d + 1]; i++) if (selected.has(f.topics[i])) return true;
        return false;
      case 'region':
        for (i = f.coverStart[d]; i < f.coverStart[d + 1]; i++) if (selected.has(f.cover[i])) return true;
        return false;
      case 'kind':
        return selected.has(f.kind[d]);
      default:
        for (i = 0; i < manifest.formats.length; i++) if ((f.formats[d] >> i) & 1 && selected.has(i)) return true;
        return false;
    }
  }

  function addCounts(d, facet, counts) {
    var f = facetData, i, c = counts[facet];
    switch (facet) {
      case 'topic':
        for (i = f.topicStart[d]; i < f.topicStart[d + 1]; i++) c[f.topics[i]]++;
        break;
      case 'region':
        for (i = f.coverStart[d]; i < f.coverStart[d + 1]; i++) c[f.cover[i]]++;
        break;
      case 'kind':
        c[f.kind[d]]++;
        break;
      default:
        for (i = 0; i < manifest.formats.length; i++) if ((f.formats[d] >> i) & 1) c[i]++;
    }
  }

  /** Closed cards have the ids from manifest.openCards up to manifest.cards. */
  function isClosed(d) {
    return d >= manifest.openCards && d < manifest.cards;
  }

  /** Guides have the ids after the cards; on a site with other entry types, the
      `manifest.guides` ids after the cards, and those types' entries follow. */
  function isGuide(d) {
    return d >= manifest.cards && (manifest.guides === undefined || d < manifest.cards + manifest.guides);
  }

  function facetSize(facet) {
    return { topic: manifest.topics, region: manifest.regions, kind: manifest.kinds, format: manifest.formats }[facet].length;
  }

  /** Applies the filters and counts facet values: a value's count is how many items the
      query would show with that value ticked, keeping the other groups' filters. */
  function filterAndCount(candidates, state) {
    var selected = {}, counts = {}, closed = 0, f = facetData, apart = !state.kind.length;
    if (!f) {
      // Before facets.bin has loaded (there is no filter then): closed cards by their ids.
      return { results: candidates.filter(function (d) { return !isClosed(d) || state.closed; }), counts: null,
               closed: candidates.filter(isClosed).length };
    }
    FACETS.forEach(function (facet) {
      selected[facet] = new Set(state[facet].map(function (v) { return valueIndex[facet][v]; }).filter(function (x) { return x !== undefined; }));
      counts[facet] = new Uint32Array(facetSize(facet));
    });
    var results = [];
    candidates.forEach(function (d) {
      var failed = -1, failures = 0;
      for (var k = 0; k < FACETS.length; k++) {
        var facet = FACETS[k];
        if (selected[facet].size && !inFacet(d, facet, selected[facet])) { failures++; failed = k; if (failures > 1) return; }
      }
      if (isClosed(d)) {
        // Left out unless asked for; counted either way, for the closed box.
        if (failures === 0) closed++;
        if (!state.closed) return;
      }
      if (apart && isGuide(d)) {
        // Offered apart from the cards: counted only under Guide, which would show it.
        if (failures === 0) { results.push(d); counts.kind[f.kind[d]]++; }
        return;
      }
      if (failures === 0) {
        results.push(d);
        FACETS.forEach(function (facet) { addCounts(d, facet, counts); });
      } else {
        addCounts(d, FACETS[failed], counts);
      }
    });
    return { results: results, counts: counts, closed: closed };
  }

  /** Runs a search: the matching documents in rank order, the facet counts, and how the
      words matched. Items matching more of the query's words come first, then those whose
      matches score higher (docs/search.md, "Ranking"). */
  function search(state) {
    var raw = state.q, all = tokens(raw), found = findPlaces(all);
    var spelt = state.exact ? { terms: found.rest, replaced: [] } : spellOut(found.rest), words = queryWords(spelt.terms);
    if (found.places.length && words.every(function (w) { return STOP_WORDS.has(w); })) words = [];
    // The last word is still being typed unless the text ends in a space or punctuation.
    var typing = all.length > 0 && !/[^\p{L}\p{M}\p{N}]$/u.test(raw) ? all[all.length - 1] : null;
    var wordSearches = words.map(function (w, i) {
      return expand(w, w === typing && i === words.length - 1 && spelt.terms[spelt.terms.length - 1] === w, state.exact);
    });
    // A place counts as one word: its region, or the word itself where an item has it.
    var placeSearches = found.places.map(function (place) {
      var region = { term: '', factor: 1, entry: regionEntry(place.regions) };
      return (place.word ? expand(place.word, false) : Promise.resolve([])).then(function (xs) { return xs.concat([region]); });
    });
    var wordCount = words.length, joins = [];
    return Promise.all(wordSearches).then(function (xs) {
      return joinWrittenApart(words, xs, spelt.terms, typing, state.exact);
    }).then(function (joined) {
      words = joined.words.concat(found.places.map(function (p) { return p.text; }));
      wordCount = joined.words.length;
      joins = joined.joins;
      return Promise.all(placeSearches).then(function (xs) { return joined.expansions.concat(xs); });
    }).then(function (expansions) {
      var n = manifest.documents, candidates = [], scores = null, d;
      if (words.length === 0) {
        for (d = 0; d < n; d++) candidates.push(d);
      } else {
        scores = score(words, expansions);
        for (d = 0; d < n; d++) if (scores.matched[d] > 0) candidates.push(d);
      }
      var filtered = filterAndCount(candidates, state), results = filtered.results, guides = [];
      if (scores) {
        // Closed cards, when asked for, come after every card that is running.
        results.sort(function (a, b) {
          return (isClosed(a) - isClosed(b)) || (scores.uncommon[b] - scores.uncommon[a]) ||
            (scores.matched[b] - scores.matched[a]) || (scores.local[b] - scores.local[a]) ||
            (scores.total[b] - scores.total[a]) || (a - b);
        });
      }
      // Cards are the results; guides, for organisers, are offered apart, unless the
      // reader chose kinds.
      if (!state.kind.length) {
        guides = results.filter(isGuide);
        results = results.filter(function (d) { return !isGuide(d); });
      }
      var complete = results.length;
      if (scores) {
        complete = 0;
        while (complete < results.length && scores.matched[results[complete]] === words.length) complete++;
      }
      var terms = new Set();
      expansions.forEach(function (xs) { xs.forEach(function (x) { if (x.term) terms.add(x.term); }); });
      // A short form was spelt out; two words written apart were read as one; a word found
      // only one typo away (or by a shorter form) was read as the commonest such word.
      var corrections = spelt.replaced.concat(joins);
      for (var i = 0; i < wordCount; i++) {
        var xs = expansions[i];
        if (!xs.length || !xs.every(function (x) { return x.factor === FUZZY_FACTOR; })) continue;
        var best = xs.reduce(function (a, b) { return b.entry.df > a.entry.df || (b.entry.df === a.entry.df && b.term < a.term) ? b : a; });
        corrections.push({ from: [words[i]], to: best.term });
      }
      return { state: state, words: words, places: found.places, results: results, guides: guides.length, closed: filtered.closed,
               counts: filtered.counts, terms: terms, complete: complete, corrections: corrections };
    });
  }

  // ---- State and the URL ---------------------------------------------------------------

  function readURL() {
    // The home page sends its words after '#', so that they never reach the server.
    var fromHome = /^#q=/.test(location.hash) ? new URLSearchParams(location.hash.slice(1)) : null;
    var params = fromHome || new URLSearchParams(location.search);
    var state = { q: params.get('q') || '', closed: params.get('closed') === 'show', exact: params.get('exact') === '1' };
    exactFor = state.exact ? state.q : null;
    FACETS.forEach(function (facet) {
      state[facet] = params.getAll(facet).filter(function (v, i, all) { return v && all.indexOf(v) === i; });
    });
    return state;
  }

  function readForm() {
    var state = { q: input.value, closed: closedBox.checked, exact: exactFor !== null && input.value === exactFor };
    FACETS.forEach(function (facet) {
      // Until the facets are built there are no boxes, and the filters are those asked for.
      state[facet] = facetData ? boxes(facet).filter(function (b) { return b.checked; }).map(function (b) { return b.value; })
        : wanted[facet].slice();
    });
    return state;
  }

  function boxes(facet) {
    return Array.prototype.slice.call(filters.querySelectorAll('input[type="checkbox"][name="' + facet + '"]'));
  }

  function writeForm(state) {
    input.value = state.q;
    writeBoxes(state);
  }

  function writeBoxes(state) {
    closedBox.checked = state.closed;
    FACETS.forEach(function (facet) {
      boxes(facet).forEach(function (b) { b.checked = state[facet].indexOf(b.value) >= 0; });
    });
  }

  /** The query as the URL keeps it: a whole postcode cut to its outward part (LS6 4AB
      to LS6), so the full postcode stays in the page even if the address is shared. */
  function publicQuery(q) {
    return q.replace(/\b([A-Za-z]{1,2}\d[A-Za-z\d]?) ?\d[A-Za-z]{2}\b/g, '$1');
  }

  function queryString(state) {
    var params = new URLSearchParams();
    if (state.q) params.set('q', publicQuery(state.q));
    FACETS.forEach(function (facet) { state[facet].forEach(function (v) { params.append(facet, v); }); });
    if (state.closed) params.set('closed', 'show');
    if (state.exact && state.q) params.set('exact', '1');
    var s = params.toString();
    return s ? '?' + s : location.pathname;
  }

  function remember(state, push) {
    var target = queryString(state);
    if (target === (location.search || location.pathname)) return;
    try {
      if (push) history.pushState(null, '', target); else history.replaceState(null, '', target);
    } catch (e) {
      // A page opened from a file may not change its address; the search still runs.
    }
  }

  function hasFilters(state) {
    return state.closed || FACETS.some(function (facet) { return state[facet].length > 0; });
  }

  // ---- Showing results -----------------------------------------------------------------

  var current = null;   // the last search's outcome
  var shown = 0;        // how many of its results are in the list
  var sequence = 0;     // discards answers to searches that have been overtaken
  var markSet = false;  // whether the first-results performance mark is set

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function say(text) {
    status.textContent = text;
  }

  /** `text` with every word whose term is in `terms` wrapped in <mark>. */
  function markWords(text, terms) {
    var fragment = document.createDocumentFragment(), at = 0, hits = 0;
    wordSpans(text).forEach(function (span) {
      if (!terms.has(span.term)) return;
      if (span.start > at) fragment.appendChild(document.createTextNode(text.slice(at, span.start)));
      fragment.appendChild(element('mark', '', text.slice(span.start, span.end)));
      at = span.end;
      hits++;
    });
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    return { fragment: fragment, hits: hits };
  }

  /** The summary, or the start of the body when only the body has the words, marked. */
  function excerpt(doc, terms) {
    var summary = markWords(doc[2], terms);
    if (summary.hits || !doc[3]) return summary.fragment;
    var body = markWords(doc[3] + (doc[3].length >= EXCERPT_LENGTH ? '…' : ''), terms);
    return body.hits ? body.fragment : summary.fragment;
  }

  /** A result, from its row in the document store: path, name, summary, excerpt, kind,
      topics, regions and, for a card that is not running, its status. */
  function resultItem(doc, terms) {
    var status = doc[7];
    var item = element('li', 'item search-result' + (status ? ' is-inactive' : ''));
    var title = element('p', 'item-title');
    var link = element('a', '');
    link.href = page(root + doc[0]);
    link.appendChild(markWords(doc[1], terms).fragment);
    title.appendChild(link);
    // A no-break space keeps the kind label (and the badge) on the line of the name's last word.
    title.appendChild(document.createTextNode('\u00a0'));
    title.appendChild(element('span', 'kind', manifest.kinds[doc[4]].label));
    if (status) {
      title.appendChild(document.createTextNode('\u00a0'));
      title.appendChild(element('span', 'badge badge-' + status, status === 'paused' ? 'Paused' : 'Closed'));
    }
    item.appendChild(title);
    var summary = element('p', 'item-summary');
    summary.appendChild(excerpt(doc, terms));
    item.appendChild(summary);

    var tags = element('p', 'tags');
    [['topics', doc[5], manifest.topics, 'tag'], ['regions', doc[6], manifest.regions, 'tag tag-region']].forEach(function (kind) {
      if (!kind[1].length) return;
      tags.appendChild(element('span', 'visually-hidden', kind[0] === 'topics' ? 'Topics: ' : 'Regions: '));
      kind[1].forEach(function (i) {
        var value = kind[2][i], a = element('a', kind[3], value.name);
        a.href = page(root + kind[0] + '/' + encodeURIComponent(value.slug) + '/');
        tags.appendChild(a);
        tags.appendChild(document.createTextNode(' '));
      });
    });
    if (tags.childNodes.length) item.appendChild(tags);
    return item;
  }

  /** What the status line says: the results, then what is offered apart or left out. */
  function describe(outcome) {
    var text = describeResults(outcome);
    (outcome.places || []).forEach(function (place) {
      var names = place.regions.map(function (r) { return manifest.regions[r].name; }).join(' or ');
      text += ' ' + (place.postcode ? place.text.toUpperCase() : '“' + place.text + '”') + ' is read as ' + names + '.';
    });
    if (outcome.closed && !outcome.state.closed) {
      text += ' ' + (outcome.closed === 1 ? '1 closed card' : outcome.closed.toLocaleString('en-GB') + ' closed cards') +
        ' not shown.';
    }
    if (outcome.guides) {
      text += ' ' + (outcome.guides === 1 ? '1 guide' : outcome.guides.toLocaleString('en-GB') + ' guides') +
        ' for organisers too.';
    }
    return text;
  }

  function describeResults(outcome) {
    var state = outcome.state, count = outcome.results.length;
    var items = count === 1 ? '1 result' : count.toLocaleString('en-GB') + ' results';
    var chosen = [];
    FACETS.forEach(function (facet) {
      var names = { topic: manifest.topics, region: manifest.regions, kind: manifest.kinds, format: manifest.formats }[facet];
      state[facet].forEach(function (v) {
        var i = valueIndex[facet][v];
        if (i !== undefined) chosen.push(names[i].name || names[i].label);
      });
    });
    var where = chosen.length ? ' filtered by ' + chosen.join(', ') : '';
    if (!outcome.words.length) {
      if (!chosen.length) {
        return 'Type a word to search ' + manifest.documents.toLocaleString('en-GB') + ' cards and guides, or choose a filter.';
      }
      return (count ? items : 'No results') + where + '.';
    }
    var query = '“' + state.q.trim() + '”';
    if (count && outcome.complete === 0 && outcome.words.length > 1) {
      return 'Nothing has every word of ' + query + where + '; ' + items + ' with some of them.';
    }
    if (count && outcome.complete < count) {
      return items + ' for ' + query + where + ': ' + outcome.complete.toLocaleString('en-GB') +
        ' with every word, then ' + (count - outcome.complete).toLocaleString('en-GB') + ' with some of them.';
    }
    return (count ? items : 'No results') + ' for ' + query + where + '.';
  }

  function updateFacets(outcome) {
    if (!outcome.counts) return;
    FACETS.forEach(function (facet) {
      boxes(facet).forEach(function (b) {
        var i = valueIndex[facet][b.value];
        var n = i === undefined ? 0 : outcome.counts[facet][i];
        var li = b.closest('li'), count = li && li.querySelector('[data-count]');
        if (count) count.textContent = n.toLocaleString('en-GB');
        if (li) li.hidden = n === 0 && !b.checked;
      });
    });
    // A group of regions (those within a nation) shows while one of them does.
    Array.prototype.forEach.call(filters.querySelectorAll('.facet-group'), function (group) {
      group.hidden = !Array.prototype.some.call(group.querySelectorAll('li'), function (li) { return !li.hidden; });
    });
    if (toggle) {
      var on = (outcome.state.closed ? 1 : 0) + FACETS.reduce(function (n, facet) { return n + outcome.state[facet].length; }, 0);
      toggle.textContent = on ? 'Filters (' + on + ' on)' : 'Filters';
    }
    var closedLi = closedBox.closest('li'), closedCount = closedLi && closedLi.querySelector('[data-count]');
    if (closedCount) closedCount.textContent = outcome.closed.toLocaleString('en-GB');
    if (closedLi) closedLi.closest('fieldset').hidden = !outcome.closed && !closedBox.checked;
    clear.hidden = !hasFilters(outcome.state);
  }

  /** Shows results `from` up to `to` of the current outcome, loading their stored fields. */
  function showResults(outcome, from, to, mine) {
    var ids = outcome.results.slice(from, to);
    list.setAttribute('aria-busy', 'true');
    return documents(ids).then(function (docs) {
      if (mine !== sequence) return;
      if (from === 0) list.textContent = '';
      docs.forEach(function (doc) { list.appendChild(resultItem(doc, outcome.terms)); });
      shown = to;
      more.hidden = shown >= outcome.results.length;
      list.setAttribute('aria-busy', 'false');
      return docs;
    });
  }

  /** Offers the guides that match, apart from the cards: a link that chooses the Guide kind. */
  /** "Showing results for …" when a word was read as one a typo away or by a shorter
      form, two words as one, or a short form as the words it stands for, with a link to
      search the words as typed. */
  function showCorrection(outcome) {
    if (!correctedNote) return;
    var corrections = outcome.corrections || [];
    correctedNote.hidden = !corrections.length;
    if (!corrections.length) return;
    var corrected = outcome.state.q;
    corrections.forEach(function (c) {
      var written = c.from.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
      corrected = corrected.replace(new RegExp(written.join('[^\\p{L}\\p{M}\\p{N}]+'), 'iu'), c.to);
    });
    correctedNote.textContent = '';
    correctedNote.appendChild(document.createTextNode('Showing results for ' + '“' + corrected.trim() + '”. '));
    var link = element('a', '', 'Search for “' + outcome.state.q.trim() + '” as typed');
    var target = {};
    Object.keys(outcome.state).forEach(function (k) { target[k] = outcome.state[k]; });
    target.exact = true;
    link.href = queryString(target);
    correctedNote.appendChild(link);
  }

  function showGuidesNote(outcome) {
    if (!guidesNote) return;
    guidesNote.hidden = !outcome.guides;
    if (!outcome.guides) return;
    var link = guidesNote.querySelector('a');
    link.textContent = outcome.guides === 1 ? 'Show the guide' : 'Show the ' + outcome.guides.toLocaleString('en-GB') + ' guides';
    var target = {};
    Object.keys(outcome.state).forEach(function (k) { target[k] = outcome.state[k]; });
    target.kind = ['guide'];
    link.href = queryString(target);
  }

  var wanted = null;        // the state of the latest search asked for
  var facetsLoading = null;

  /** facets.bin, parsed, and the facet values built from the manifest. */
  var later = null;         // what search-facets.js gives: parse, buildFacets, showForward

  /** Loads a script of the theme (search-facets.js) by a script element, which a page
      opened from a file may load too. */
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error(src + ': cannot be loaded')); };
      script.src = src;
      document.head.appendChild(script);
    });
  }

  /** facets.bin and search-facets.js, which reads it and builds the facets' values and
      the way forward. */
  function loadFacets() {
    if (!facetsLoading) {
      var script = window.whoswhoSearchFacets ? null : loadScript(root + 'search-facets.js');
      facetsLoading = Promise.all([fetchPiece('facets.bin', 'bytes'), script]).then(function (got) {
        later = later || window.whoswhoSearchFacets({
          manifest: manifest, valueIndex: valueIndex, filters: filters, input: input, root: root, FACETS: FACETS,
          Reader: Reader, element: element, page: page, tokens: tokens, ancestors: ancestors, findTopic: findTopic,
          hasFilters: hasFilters, inFacet: inFacet, queryString: queryString, writeForm: writeForm,
          remember: remember, run: run
        });
        facetData = later.parse(got[0]);
        later.buildFacets();
        writeBoxes(wanted);
      });
      facetsLoading.catch(function () { facetsLoading = null; });
    }
    return facetsLoading;
  }

  /** Runs a search and shows it. The first results need only the index's words and
      documents; facets.bin (every item's topics, regions, kind and formats) is fetched
      first only for a filter or a place, and otherwise once the results are on screen,
      for the counts, the filters and the way forward. */
  function run(state) {
    if (!manifest) return Promise.resolve();
    wanted = state;
    var mine = ++sequence;
    list.setAttribute('aria-busy', 'true');
    var needsFacets = !facetData && (FACETS.some(function (facet) { return state[facet].length > 0; }) ||
      findPlaces(tokens(state.q)).places.length > 0);
    return (needsFacets ? loadFacets() : Promise.resolve()).then(function () {
      if (mine !== sequence) return;
      return search(state).then(function (outcome) {
        if (mine !== sequence) return;
        current = outcome;
        var show = outcome.words.length || hasFilters(state) ? Math.min(PAGE_SIZE, outcome.results.length) : 0;
        return showResults(outcome, 0, show, mine).then(function () {
          if (mine !== sequence) return;
          say(describe(outcome));
          showCorrection(outcome);
          showGuidesNote(outcome);
          if (!markSet && show > 0 && window.performance && performance.mark) {
            performance.mark('whoswho-search-results');
            markSet = true;
          }
          if (!facetData) {
            // The results are on screen; the rest follows with the facets.
            return loadFacets().then(function () { if (mine === sequence) return run(state); });
          }
          updateFacets(outcome);
          // Few or no results: say what is missing and offer a way on, with the invitation to
          // add a card when the site names its repository (#search-add, in the same box).
          later.showForward(outcome);
          app.setAttribute('data-state', 'ready');
        });
      });
    }).catch(function (error) {
      if (mine !== sequence) return;
      failed(error);
    });
  }

  function failed(error) {
    list.setAttribute('aria-busy', 'false');
    app.setAttribute('data-state', 'error');
    status.textContent = '';
    var why = location.protocol === 'file:' && !FILE_MODE
      ? 'this page was opened from a file, and search needs a web server (or a site built with --file-preview)'
      : String(error && error.message || error);
    status.appendChild(document.createTextNode('Search could not load its index (' + why + '). You can find cards by '));
    var topics = element('a', '', 'topic');
    topics.href = page(root + 'topics/');
    var regions = element('a', '', 'region');
    regions.href = page(root + 'regions/');
    status.appendChild(topics);
    status.appendChild(document.createTextNode(' or by '));
    status.appendChild(regions);
    status.appendChild(document.createTextNode(' instead.'));
  }

  // ---- Wiring ---------------------------------------------------------------------------

  var timer = 0;

  function onInput() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var state = readForm();
      remember(state, false);
      run(state);
    }, DEBOUNCE_MS);
  }

  function onFilter() {
    clearTimeout(timer);
    var state = readForm();
    remember(state, true);
    run(state);
  }

  function start() {
    app.hidden = false;
    var state = readURL();
    wanted = state;
    writeForm(state);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(timer);
      var s = readForm();
      remember(s, true);
      run(s);
    });
    filters.addEventListener('submit', function (event) { event.preventDefault(); });
    // On a phone the filters are behind a button, so that the results come first.
    function openFilters(open) {
      if (!toggle) return;
      toggle.setAttribute('aria-expanded', String(open));
      app.classList.toggle('filters-open', open);
    }
    if (toggle) {
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        openFilters(open);
        if (open) {
          var first = filters.querySelector('li:not([hidden]) input');
          if (first) first.focus();
        }
      });
    }
    if (done) {
      done.addEventListener('click', function () {
        openFilters(false);
        toggle.focus();
      });
    }
    input.addEventListener('input', onInput);
    filters.addEventListener('change', onFilter);
    if (guidesNote) {
      guidesNote.querySelector('a').addEventListener('click', function (event) {
        event.preventDefault();
        var target = readForm();
        target.kind = ['guide'];
        writeBoxes(target);
        remember(target, true);
        run(target);
        input.focus();
      });
    }
    clear.addEventListener('click', function () {
      closedBox.checked = false;
      FACETS.forEach(function (facet) { boxes(facet).forEach(function (b) { b.checked = false; }); });
      onFilter();
      input.focus();
    });
    more.addEventListener('click', function () {
      if (!current) return;
      var from = shown, mine = sequence;
      showResults(current, from, Math.min(current.results.length, from + PAGE_SIZE), mine).then(function () {
        // Move focus to the first new result so keyboard users carry on from there.
        var next = list.children[from];
        var link = next && next.querySelector('a');
        if (link) link.focus();
        say(describe(current).replace(/\.$/, '') + '; showing ' + shown.toLocaleString('en-GB') + '.');
      });
    });
    window.addEventListener('popstate', function () {
      var s = readURL();
      writeForm(s);
      run(s);
    });

    (FILE_MODE ? loadScriptPiece('manifest.json', 'json') : fetch(base + 'manifest.json', { cache: 'no-cache' }).then(function (response) {
      if (!response.ok) throw new Error('manifest.json: HTTP ' + response.status);
      return response.json();
    })).then(function (m) {
      manifest = m;
      build = m.build;
      FACETS.forEach(function (facet) {
        var values = { topic: m.topics, region: m.regions, kind: m.kinds, format: m.formats }[facet];
        valueIndex[facet] = {};
        values.forEach(function (v, i) { valueIndex[facet][v.slug || v.value] = i; });
      });
      // The words typed first are known already: fetch their term shards at once.
      var words = tokens(input.value);
      words.forEach(function (w) { var i = shardOf(w); if (i >= 0) shard(i); });
      return m.words ? fetchPiece('words.json', 'json') : null;
    }).then(function (words) {
      indexPlaces(words);
      run(readForm());
    }).catch(failed);
  }

  start();
})();
