/// A position in a source file: 1-based line and column, as editors show them.
public struct Mark: Sendable, Equatable, Hashable, Comparable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column number, counted in Unicode scalars.
    public var column: Int

    /// Creates a mark at a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// How a scalar was written, which decides how a field may read it
/// (a quoted `'yes'` is always text).
public enum ScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One YAML node with the position it started at. Values are kept as written:
/// typing is done by the field a value fills, not by YAML 1.1's guesses.
public struct Node: Sendable {
    /// The shape and content of a node.
    public enum Value: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([Node])
        case mapping([Pair])
    }

    /// The node's content.
    public var value: Value
    /// Where the node starts in its file.
    public var mark: Mark
    /// An explicit tag such as `tag:yaml.org,2002:str`, when one was written.
    public var tag: String?
    /// A `# comment` that follows a plain scalar on its line: YAML ends the value where
    /// the comment starts, which may not be what the writer meant (`Meets at #5 Church St`).
    public var trailingComment: String?

    /// Creates a node.
    public init(value: Value, mark: Mark, tag: String? = nil) {
        self.value = value
        self.mark = mark
        self.tag = tag
    }

    /// The scalar text, when this node is a scalar.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// A null node: an empty plain scalar, `~` or `null`.
    public var isNull: Bool {
        if case .scalar(let text, .plain) = value {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// A short description of the node's shape, for messages ("a list", "a mapping", "text").
    public var kindDescription: String {
        switch value {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// A key and its value in a mapping, in source order.
public struct Pair: Sendable {
    /// The key node (usually a plain scalar).
    public var key: Node
    /// The value node.
    public var value: Node

    /// Creates a pair.
    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// A YAML problem with the position libyaml (or a limit) reported.
public struct YAMLError: Error, Sendable, Equatable {
    /// What went wrong, in plain words.
    public var message: String
    /// Where it went wrong.
    public var mark: Mark
    /// How to put it right, when that can be said.
    public var note: String?

    /// Creates an error.
    public init(message: String, mark: Mark, note: String? = nil) {
        self.message = message
        self.mark = mark
        self.note = note
    }
}

/// Limits that keep hostile YAML from using unbounded time or memory.
public struct YAMLLimits: Sendable {
    /// Deepest nesting of lists and mappings allowed.
    public var maxDepth: Int
    /// Most nodes a document may produce, counting every expansion of an alias.
    public var maxNodes: Int

    /// Creates limits.
    public init(maxDepth: Int = 64, maxNodes: Int = 100_000) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The limits used for content files.
    public static let standard = YAMLLimits()
}
