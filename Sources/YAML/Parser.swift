internal import CYAML

/// Parses YAML text into a `Node` tree with source positions, through libyaml's
/// event API. This is the only file that touches libyaml.
public enum YAMLParser {
    /// Parses a single YAML document.
    ///
    /// - Parameters:
    ///   - text: the YAML source.
    ///   - lineOffset: added to every line number, for YAML that starts inside a
    ///     larger file (front matter starts on line 2).
    ///   - limits: nesting and alias-expansion limits.
    /// - Returns: the root node, or nil when the document is empty.
    public static func parse(_ text: String, lineOffset: Int = 0, limits: YAMLLimits = .standard) throws(YAMLError) -> Node? {
        try EventReader(text: text, lineOffset: lineOffset, limits: limits).read()
    }
}

/// Owns one libyaml parser for the length of one parse; `deinit` frees it on every path.
private final class EventReader {
    private var parser = yaml_parser_t()
    /// The source, kept to explain a syntax error in the contributor's words.
    private let text: String
    /// The source's bytes, where libyaml's byte offsets point.
    private let bytes: [UInt8]
    private let lineOffset: Int
    private let limits: YAMLLimits
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var nodeCount = 0
    private var initialized = false

    init(text: String, lineOffset: Int, limits: YAMLLimits) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.lineOffset = lineOffset
        self.limits = limits
        initialized = yaml_parser_initialize(&parser) == 1
    }

    deinit {
        if initialized { yaml_parser_delete(&parser) }
    }

    /// The text of a `# comment` that follows a plain value on its line, from the byte
    /// offset where the value ends; nil when none does.
    private func trailingComment(after offset: Int) -> String? {
        var i = offset
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i > offset, i < bytes.count, bytes[i] == UInt8(ascii: "#") else { return nil }
        var end = i
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[i..<end], as: UTF8.self)
    }

    private func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1 + lineOffset, column: Int(m.column) + 1)
    }

    /// A received event, copied out of libyaml's memory before the event is freed.
    private enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String, mark: Mark)
        case scalar(value: String, style: ScalarStyle, anchor: String?, tag: String?, mark: Mark, comment: String?)
        case sequenceStart(anchor: String?, tag: String?, mark: Mark)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?, mark: Mark)
        case mappingEnd
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    private func next() throws(YAMLError) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
            let context = parser.context.map { String(cString: $0) }
            throw SyntaxExplanation(problem: problem, context: context, problemMark: mark(parser.problem_mark),
                                    contextMark: context == nil ? nil : mark(parser.context_mark),
                                    text: text, lineOffset: lineOffset).error()
        }
        defer { yaml_event_delete(&event) }
        let at = mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.string(event.data.alias.anchor) ?? "", mark: at)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value: String
            if let p = s.value {
                value = String(decoding: UnsafeBufferPointer(start: p, count: Int(s.length)), as: UTF8.self)
            } else {
                value = ""
            }
            let style: ScalarStyle
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let comment = style == .plain ? trailingComment(after: Int(event.end_mark.index)) : nil
            return .scalar(value: value, style: style, anchor: Self.string(s.anchor), tag: Self.string(s.tag), mark: at, comment: comment)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return .sequenceStart(anchor: Self.string(s.anchor), tag: Self.string(s.tag), mark: at)
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let s = event.data.mapping_start
            return .mappingStart(anchor: Self.string(s.anchor), tag: Self.string(s.tag), mark: at)
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default:
            throw YAMLError(message: "YAML syntax: unexpected event", mark: at)
        }
    }

    /// Parses the text; libyaml reads `bytes` in place (it never writes to its input), and
    /// the same bytes serve `trailingComment`, so the text is copied once.
    func read() throws(YAMLError) -> Node? {
        guard initialized else { throw YAMLError(message: "out of memory while reading YAML", mark: Mark(line: 1 + lineOffset, column: 1)) }
        // The pointer is valid only inside the closure, so the whole parse runs in it.
        return try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> Node? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return try readStream()
        }
    }

    private func readStream() throws(YAMLError) -> Node? {
        guard case .streamStart = try next() else {
            throw YAMLError(message: "YAML syntax: expected the start of the text", mark: Mark(line: 1 + lineOffset, column: 1))
        }
        var root: Node?
        switch try next() {
        case .streamEnd:
            return nil
        case .documentStart:
            root = try readNode(try next(), depth: 0).node
            guard case .documentEnd = try next() else {
                throw YAMLError(message: "YAML syntax: expected the end of the document", mark: Mark(line: 1 + lineOffset, column: 1))
            }
        default:
            throw YAMLError(message: "YAML syntax: expected a document", mark: Mark(line: 1 + lineOffset, column: 1))
        }
        switch try next() {
        case .streamEnd:
            return root
        case .documentStart:
            throw YAMLError(
                message: "this file holds more than one YAML document ('---' separates documents); a file may hold only one",
                mark: root?.mark ?? Mark(line: 1 + lineOffset, column: 1))
        default:
            throw YAMLError(message: "YAML syntax: expected the end of the text", mark: Mark(line: 1 + lineOffset, column: 1))
        }
    }

    private func count(_ n: Int, at mark: Mark) throws(YAMLError) {
        nodeCount += n
        if nodeCount > limits.maxNodes {
            throw YAMLError(
                message: "this YAML expands to more than \(limits.maxNodes) values (through aliases such as *name); that is the limit",
                mark: mark)
        }
    }

    private func checkDepth(_ depth: Int, at mark: Mark) throws(YAMLError) {
        if depth >= limits.maxDepth {
            throw YAMLError(message: "lists and mappings are nested more than \(limits.maxDepth) deep; that is the limit", mark: mark)
        }
    }

    /// Reads the node that `event` starts; returns it with its size in nodes.
    private func readNode(_ event: Event, depth: Int) throws(YAMLError) -> (node: Node, size: Int) {
        switch event {
        case .alias(let anchor, let at):
            guard let target = anchors[anchor] else {
                throw YAMLError(message: "YAML syntax: unknown alias *\(anchor)", mark: at)
            }
            try count(target.size, at: at)
            return target
        case .scalar(let value, let style, let anchor, let tag, let at, let comment):
            try count(1, at: at)
            var node = Node(value: .scalar(value, style), mark: at, tag: tag)
            node.trailingComment = comment
            let result = (node, 1)
            if let anchor { anchors[anchor] = result }
            return result
        case .sequenceStart(let anchor, let tag, let at):
            try checkDepth(depth, at: at)
            try count(1, at: at)
            var items: [Node] = []
            var size = 1
            while true {
                let e = try next()
                if case .sequenceEnd = e { break }
                let child = try readNode(e, depth: depth + 1)
                items.append(child.node)
                size += child.size
            }
            let result = (Node(value: .sequence(items), mark: at, tag: tag), size)
            if let anchor { anchors[anchor] = result }
            return result
        case .mappingStart(let anchor, let tag, let at):
            try checkDepth(depth, at: at)
            try count(1, at: at)
            var pairs: [Pair] = []
            var size = 1
            while true {
                let e = try next()
                if case .mappingEnd = e { break }
                let key = try readNode(e, depth: depth + 1)
                let value = try readNode(try next(), depth: depth + 1)
                pairs.append(Pair(key: key.node, value: value.node))
                size += key.size + value.size
            }
            let result = (Node(value: .mapping(pairs), mark: at, tag: tag), size)
            if let anchor { anchors[anchor] = result }
            return result
        default:
            throw YAMLError(message: "YAML syntax: unexpected structure", mark: Mark(line: 1 + lineOffset, column: 1))
        }
    }
}
