/* whoswho search, the part that needs facets.bin: the facets' values and the way forward
   from an empty or thin result. search.js loads it with facets.bin, after the first
   results are on the screen, so that a first search fetches only what its results need
   (docs/search.md, "Size"). Plain JavaScript, no framework and no build step. */
(function () {
  'use strict';

  /** Called by search.js once, with what it shares (`s`); returns the functions that
      need facets.bin. */
  window.whoswhoSearchFacets = function (s) {
    var manifest = s.manifest, valueIndex = s.valueIndex, filters = s.filters, input = s.input, root = s.root;
    var FACETS = s.FACETS, Reader = s.Reader, element = s.element, page = s.page, tokens = s.tokens;
    var ancestors = s.ancestors, findTopic = s.findTopic, hasFilters = s.hasFilters, inFacet = s.inFacet;
    var queryString = s.queryString, writeForm = s.writeForm, remember = s.remember, run = s.run;
    var facetData = null;

    /** facets.bin: every document's kind, formats, topics and regions. */
    function parseFacets(buffer) {
      var n = manifest.documents, r = new Reader(buffer);
      var kind = new Uint8Array(n), formats = new Uint32Array(n);
      var topicStart = new Uint32Array(n + 1), regionStart = new Uint32Array(n + 1);
      var topics = [], regions = [];
      // After the cards, the header's kind is 0 for a guide and 1 + the type for another
      // entry; `otherKinds` counts those kinds (only a site with other entry types has it).
      var kindMask = (1 << manifest.kindBits) - 1, firstOther = manifest.kinds.length - (manifest.otherKinds || 1);
      function readList(into) {
        var v = r.varint();
        while (v !== 0) {
          into.push((v >> 1) - 1);
          if (v & 1) break;
          v = r.varint();
        }
      }
      for (var d = 0; d < n; d++) {
        var header = 0;
        for (var i = 0; i < manifest.headerBytes; i++) header += r.bytes[r.offset++] * Math.pow(256, i);
        kind[d] = d >= manifest.cards ? firstOther + (header & kindMask) : header & kindMask;
        formats[d] = Math.floor(header / (1 << manifest.kindBits));
        topicStart[d] = topics.length;
        readList(topics);
        regionStart[d] = regions.length;
        readList(regions);
      }
      topicStart[n] = topics.length;
      regionStart[n] = regions.length;

      // A region filter keeps items naming the region, a region within it or a wider region
      // around it: each document's "cover" is those regions for all of its own. A region
      // with nothing around it (UK-wide) keeps only the items that name it, or it would
      // keep everything.
      var related = manifest.regions.map(function (_, r0) {
        var set = [r0];
        for (var p = manifest.regions[r0].parent; p !== null && set.indexOf(p) < 0; p = manifest.regions[p].parent) {
          if (manifest.regions[p].parent !== null) set.push(p);
        }
        manifest.regions.forEach(function (_, other) {
          for (var q = manifest.regions[other].parent; q !== null; q = manifest.regions[q].parent) {
            if (q === r0) { set.push(other); break; }
            if (q === other) break;
          }
        });
        return set;
      });
      var coverStart = new Uint32Array(n + 1), cover = [];
      for (d = 0; d < n; d++) {
        coverStart[d] = cover.length;
        var seen = {};
        for (var j = regionStart[d]; j < regionStart[d + 1]; j++) {
          related[regions[j]].forEach(function (x) {
            if (!seen[x]) { seen[x] = true; cover.push(x); }
          });
        }
      }
      coverStart[n] = cover.length;
      return {
        kind: kind, formats: formats,
        topicStart: topicStart, topics: Uint16Array.from(topics),
        regionStart: regionStart, regions: Uint16Array.from(regions),
        coverStart: coverStart, cover: Uint16Array.from(cover)
      };
    }

    // ---- The facets' values ------------------------------------------------------------

    function facetItem(facet, value, label, depth, hidden) {
      var li = element('li', 'depth-' + depth), id = 'facet-' + facet + '-' + value;
      var box = element('input', '');
      box.type = 'checkbox';
      box.id = id;
      box.name = facet;
      box.value = value;
      var text = element('label', '', label + ' ');
      text.htmlFor = id;
      if (hidden) text.insertBefore(element('span', 'visually-hidden', hidden + ' '), text.lastChild.nextSibling);
      var count = element('span', 'count');
      count.appendChild(element('span', 'visually-hidden', ', items: '));
      count.appendChild(element('span', '')).setAttribute('data-count', '');
      text.appendChild(count);
      li.appendChild(box);
      li.appendChild(text);
      return li;
    }

    /** Fills each facet's list: topics by name; regions with the nations first, then the
        regions within each nation in a group named after it, then UK-wide (any region
        with nothing around it) last; kinds and formats in the manifest's order. */
    function buildFacets() {
      var R = manifest.regions;
      function byName(list) {
        return list.map(function (v, i) { return i; }).sort(function (a, b) {
          return list[a].name < list[b].name ? -1 : list[a].name > list[b].name ? 1 : a - b;
        });
      }
      function fill(facet, items) {
        var ul = filters.querySelector('ul[data-facet="' + facet + '"]');
        if (!ul) return;
        ul.textContent = '';
        items.forEach(function (li) { ul.appendChild(li); });
      }
      fill('topic', byName(manifest.topics).map(function (t) { return facetItem('topic', manifest.topics[t].slug, manifest.topics[t].name, 0); }));
      var named = byName(R), rank = [];
      named.forEach(function (r, k) { rank[r] = k; });
      function depth(r) { return ancestors(r).length; }
      // Tree order: each region, then those within it, siblings by name.
      var order = [];
      (function walk(parent) {
        named.forEach(function (r) { if (R[r].parent === parent) { order.push(r); walk(r); } });
      })(null);
      var regionItem = function (r, d) { return facetItem('region', R[r].slug, R[r].name, d, R[r].parent === null ? 'support only' : null); };
      var nations = order.filter(function (r) { return R[r].parent !== null && R[R[r].parent].parent === null; });
      var items = nations.map(function (r) { return regionItem(r, 0); }), placed = nations.slice();
      nations.forEach(function (nation) {
        var within = order.filter(function (r) { return ancestors(r).indexOf(nation) >= 0; });
        if (!within.length) return;
        var group = element('li', 'facet-group'), inner = element('ul', 'facet-values');
        group.appendChild(element('span', 'facet-group-name', 'In ' + R[nation].name));
        within.forEach(function (r) { inner.appendChild(regionItem(r, depth(r) - depth(nation) - 1)); placed.push(r); });
        group.appendChild(inner);
        items.push(group);
      });
      order.forEach(function (r) { if (placed.indexOf(r) < 0 && R[r].parent !== null) items.push(regionItem(r, 0)); });
      order.forEach(function (r) { if (R[r].parent === null) items.push(regionItem(r, 0)); });
      fill('region', items);
      fill('kind', manifest.kinds.map(function (k) { return facetItem('kind', k.value, k.label, 0); }));
      fill('format', manifest.formats.map(function (f) { return facetItem('format', f.value, f.label, 0); }));
    }

    // ---- A way forward from an empty or thin result -----------------------------------------

    var FEW = 3;  // this many cards or fewer is a thin result

    /** How many running cards pass `test`. */
    function countCards(test) {
      var n = 0;
      for (var d = 0; d < manifest.openCards; d++) if (test(d)) n++;
      return n;
    }

    function hasTopic(d, t) {
      var f = facetData;
      for (var i = f.topicStart[d]; i < f.topicStart[d + 1]; i++) if (f.topics[i] === t) return true;
      return false;
    }

    /** True when item `d` is in region `r` or a region within it. */
    function localTo(d, r) {
      var f = facetData;
      for (var i = f.regionStart[d]; i < f.regionStart[d + 1]; i++) {
        var x = f.regions[i];
        if (x === r || ancestors(x).indexOf(r) >= 0) return true;
      }
      return false;
    }

    /** True when item `d` is local to `r` or covers it from a wider region (as a topic
        and region page counts it, closed cards too). */
    function reaches(d, r) {
      var f = facetData;
      for (var i = f.regionStart[d]; i < f.regionStart[d + 1]; i++) {
        var x = f.regions[i];
        if (x === r || ancestors(x).indexOf(r) >= 0 || ancestors(r).indexOf(x) >= 0) return true;
      }
      return false;
    }

    /** The state of a search with only these filters, and no words. */
    function filtersOnly(filters) {
      var target = { q: '', closed: false };
      FACETS.forEach(function (facet) { target[facet] = filters[facet] || []; });
      return target;
    }

    /** Says what is not listed, and offers what is: the same topic in wider regions,
        across the UK and online, the topic's page, and (with #search-add) a new card. */
    function showForward(outcome) {
      var panel = document.getElementById('search-forward');
      if (!panel) return;
      var state = outcome.state, count = outcome.results.length;
      var asked = outcome.words.length > 0 || hasFilters(state);
      var t = state.topic.length === 1 ? valueIndex.topic[state.topic[0]] : findTopic(tokens(state.q));
      var r = state.region.length === 1 ? valueIndex.region[state.region[0]] :
        (outcome.places && outcome.places.length ? outcome.places[0].regions[0] : undefined);
      if (t === null) t = undefined;
      var topic = t !== undefined ? manifest.topics[t] : null, region = r !== undefined ? manifest.regions[r] : null;
      var local = topic && region ? countCards(function (d) { return hasTopic(d, t) && localTo(d, r); }) : -1;
      panel.hidden = !asked || !(count <= FEW || local === 0);
      if (panel.hidden) return;

      var lead = panel.querySelector('.forward-lead'), offers = panel.querySelector('.forward-offers');
      var what = topic && region ? topic.name + ' in ' + region.name : topic ? topic.name : region ? region.name : null;
      var n = topic && region ? local : topic ? countCards(function (d) { return hasTopic(d, t); }) :
        region ? countCards(function (d) { return localTo(d, r); }) : count;
      if (!what) {
        lead.textContent = count ? 'Few cards match “' + state.q.trim() + '”. Try fewer or other words, or browse:' :
          'Nothing listed for “' + state.q.trim() + '” yet. Try other words, or browse:';
      } else if (n === 0) {
        lead.textContent = 'Nothing listed for ' + what + ' yet. Here is what there is:';
      } else {
        lead.textContent = (n === 1 ? 'Only 1 card is' : 'Only ' + n + ' cards are') + ' listed for ' + what + '. There is more:';
      }
      offers.textContent = '';
      function offer(text, n, target, href) {
        var li = element('li', ''), a = element('a', '', text);
        if (target) {
          a.href = queryString(target);
          a.addEventListener('click', function (event) {
            event.preventDefault();
            writeForm(target);
            remember(target, true);
            run(target);
            input.focus();
          });
        } else {
          a.href = page(root + href);
        }
        li.appendChild(a);
        if (n !== null) li.appendChild(element('span', 'count', ' ' + (n === 1 ? '1 card' : n + ' cards')));
        offers.appendChild(li);
      }
      var online = manifest.formats.map(function (f) { return f.value; }).indexOf('online');
      if (topic) {
        if (region) {
          ancestors(r).forEach(function (a) {
            if (manifest.regions[a].parent === null) return;
            var c = countCards(function (d) { return hasTopic(d, t) && localTo(d, a); });
            if (c > local) offer(topic.name + ' in ' + manifest.regions[a].name, c, filtersOnly({ topic: [topic.slug], region: [manifest.regions[a].slug] }));
          });
        }
        // UK-wide: the cards that name a region with nothing around it.
        manifest.regions.forEach(function (root, x) {
          if (root.parent !== null) return;
          var c = countCards(function (d) { return hasTopic(d, t) && inFacet(d, 'region', new Set([x])); });
          if (c) offer(root.name + ' support for ' + topic.name, c, filtersOnly({ topic: [topic.slug], region: [root.slug] }));
        });
        if (online >= 0) {
          var o = countCards(function (d) { return hasTopic(d, t) && (facetData.formats[d] >> online) & 1; });
          if (o) offer(topic.name + ' online', o, filtersOnly({ topic: [topic.slug], format: ['online'] }));
        }
        var all = countCards(function (d) { return hasTopic(d, t); });
        if (all && (region || outcome.words.length > 1)) offer('Every card for ' + topic.name, all, filtersOnly({ topic: [topic.slug] }));
        if (region) {
          var pageExists = false;
          for (var d = 0; d < manifest.cards && !pageExists; d++) pageExists = hasTopic(d, t) && reaches(d, r);
          if (pageExists) offer('The page for ' + topic.name + ' in ' + region.name, null, null,
            'topics/' + encodeURIComponent(topic.slug) + '/' + encodeURIComponent(region.slug) + '/');
        }
        offer('The ' + topic.name + ' page, region by region', null, null, 'topics/' + encodeURIComponent(topic.slug) + '/');
      } else if (region) {
        var inRegion = countCards(function (d) { return localTo(d, r); });
        if (inRegion) offer('Everything in ' + region.name, inRegion, filtersOnly({ region: [region.slug] }));
        offer('The ' + region.name + ' page', null, null, 'regions/' + encodeURIComponent(region.slug) + '/');
      } else {
        offer('Every topic', null, null, 'topics/');
        offer('Every region', null, null, 'regions/');
      }
    }

    return {
      /** Parses facets.bin and keeps it for the way forward. */
      parse: function (buffer) { facetData = parseFacets(buffer); return facetData; },
      buildFacets: buildFacets,
      showForward: showForward
    };
  };
})();
