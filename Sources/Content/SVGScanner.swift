internal import Foundation
#if canImport(FoundationXML)
internal import FoundationXML
#endif

/// Walks one SVG's XML events and keeps the first element, attribute or processing
/// instruction that `SVGAllowList` does not allow. Used by one `XMLParser` on one
/// thread, and thrown away after it.
final class SVGScanner: NSObject, XMLParserDelegate {
    private let bytes: [UInt8]
    /// Where the search for the next start tag begins, so each tag is found in order.
    private var cursor = 0
    /// The namespaces each prefix is bound to, innermost last.
    private var prefixes: [String: [String]] = [:]
    private(set) var problem: SVGContent.Problem?
    private(set) var failed = false
    private(set) var sawRoot = false

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
        prefixes[prefix, default: []].append(namespaceURI)
    }

    func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
        _ = prefixes[prefix]?.popLast()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        let (line, column) = position(ofTag: qName ?? elementName)
        let element = elementName.lowercased()
        let namespace = namespaceURI ?? ""
        let isRoot = !sawRoot
        sawRoot = true
        if let message = elementProblem(element, shown: qName ?? elementName, namespace: namespace, isRoot: isRoot)
            ?? attributes.keys.sorted().lazy.compactMap({
                self.attributeProblem($0, value: attributes[$0] ?? "", element: element, namespace: namespace)
            }).first {
            problem = SVGContent.Problem(line: line, column: column, message: message)
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
        // `<?xml-stylesheet type="text/xsl"?>` would have the browser run a transform.
        problem = SVGContent.Problem(line: parser.lineNumber, column: 1,
                                     message: "a processing instruction ('<?\(target)')")
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failed = true
    }

    /// What is wrong with an element, or nil when a drawing may hold it.
    private func elementProblem(_ element: String, shown: String, namespace: String, isRoot: Bool) -> String? {
        if isRoot, element != "svg" || namespace != SVGAllowList.svgNamespace {
            return namespace.isEmpty
                ? "a first element <\(shown)> without xmlns=\"\(SVGAllowList.svgNamespace)\"; an SVG file starts with <svg xmlns=\"\(SVGAllowList.svgNamespace)\">"
                : "a first element <\(shown)> in the namespace '\(namespace)', where <svg xmlns=\"\(SVGAllowList.svgNamespace)\"> belongs"
        }
        switch namespace {
        case SVGAllowList.svgNamespace:
            return SVGAllowList.elements.contains(element) ? nil : "a <\(shown)> element"
        case let editor where SVGAllowList.editorNamespaces.contains(editor):
            return nil
        case "http://www.w3.org/1999/xhtml":
            return "an HTML <\(shown)> element"
        case "":
            return "an element <\(shown)> with no namespace"
        default:
            return "an element <\(shown)> in the namespace '\(namespace)'"
        }
    }

    /// What is wrong with one attribute, or nil when a drawing may carry it.
    private func attributeProblem(_ name: String, value: String, element: String, namespace: String) -> String? {
        let parts = name.split(separator: ":", maxSplits: 1).map { String($0) }
        let local = (parts.last ?? name).lowercased()
        if local.hasPrefix("on") {
            return "an event handler ('\(name)=')"
        }
        guard parts.count == 2 else {
            if SVGAllowList.editorNamespaces.contains(namespace) { return nil }
            if SVGAllowList.attributes.contains(local) || SVGAllowList.isInertPrefixed(local) {
                return local == "href" ? SVGContent.linkProblem(value, name: name, element: element) : nil
            }
            return "an attribute '\(name)' on <\(element)>, which drawings do not use"
        }
        let attributeNamespace = parts[0] == "xml" ? SVGAllowList.xmlNamespace : (prefixes[parts[0]]?.last ?? "")
        switch attributeNamespace {
        case SVGAllowList.xlinkNamespace where SVGAllowList.xlinkAttributes.contains(local):
            return local == "href" ? SVGContent.linkProblem(value, name: name, element: element) : nil
        case SVGAllowList.xmlNamespace where SVGAllowList.xmlAttributes.contains(local):
            return nil
        case let editor where SVGAllowList.editorNamespaces.contains(editor):
            return nil
        default:
            return "an attribute '\(name)' on <\(element)>, which drawings do not use"
        }
    }

    /// The 1-based line and column of the next `<name` start tag after the last one.
    private func position(ofTag name: String) -> (Int, Int) {
        let needle = Array(("<" + name).utf8)
        var i = cursor
        while i + needle.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i..<(i + needle.count)].elementsEqual(needle) {
                let after = i + needle.count < bytes.count ? bytes[i + needle.count] : UInt8(ascii: ">")
                if after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D
                    || after == UInt8(ascii: "/") || after == UInt8(ascii: ">") {
                    cursor = i + needle.count
                    return SourceText.position(of: i, in: bytes[...])
                }
            }
            i += 1
        }
        return (0, 0)
    }
}
