/// What an SVG under static/ may hold: the elements and attributes of a drawing, and
/// nothing that runs script, embeds a document or loads one. Names are compared in
/// lower case; the lists follow DOMPurify's SVG profile, with the accessibility
/// attributes added and animation of links (`animate`, `set`) left out.
enum SVGAllowList {
    static let svgNamespace = "http://www.w3.org/2000/svg"
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Namespaces that drawing programs write their own settings and licence
    /// metadata in (Inkscape, Sodipodi, RDF, Creative Commons, Dublin Core). A browser
    /// knows none of them, so their elements and attributes do nothing.
    static let editorNamespaces: Set<String> = [
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
    ]

    /// SVG elements that draw, group, describe or filter.
    static let elements: Set<String> = [
        "svg", "a", "altglyph", "altglyphdef", "altglyphitem", "animatecolor", "animatemotion",
        "animatetransform", "circle", "clippath", "defs", "desc", "ellipse", "filter", "font",
        "font-face", "font-face-src", "font-face-name", "g", "glyph", "glyphref", "hkern", "image",
        "line", "lineargradient", "marker", "mask", "metadata", "missing-glyph", "mpath", "path",
        "pattern", "polygon", "polyline", "radialgradient", "rect", "stop", "style", "switch",
        "symbol", "text", "textpath", "title", "tref", "tspan", "use", "view", "vkern",
        "feblend", "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix",
        "fediffuselighting", "fedisplacementmap", "fedistantlight", "fedropshadow", "feflood",
        "fefunca", "fefuncb", "fefuncg", "fefuncr", "fegaussianblur", "feimage", "femerge",
        "femergenode", "femorphology", "feoffset", "fepointlight", "fespecularlighting",
        "fespotlight", "fetile", "feturbulence",
    ]

    /// Attributes without a namespace that any allowed SVG element may carry. `href`
    /// is here but its value is checked on its own (`linkProblem`).
    static let attributes: Set<String> = [
        "accent-height", "accumulate", "additive", "alignment-baseline", "amplitude", "ascent",
        "attributename", "attributetype", "azimuth", "basefrequency", "baseline-shift", "begin",
        "bias", "by", "class", "clip", "clippathunits", "clip-path", "clip-rule", "color",
        "color-interpolation", "color-interpolation-filters", "color-profile", "color-rendering",
        "cursor", "cx", "cy", "d", "descent", "diffuseconstant", "direction", "display", "divisor",
        "dominant-baseline", "dur", "dx", "dy", "edgemode", "elevation", "enable-background", "end",
        "exponent", "fill", "fill-opacity", "fill-rule", "filter", "filterres", "filterunits",
        "flood-color", "flood-opacity", "focusable", "font-family", "font-size", "font-size-adjust",
        "font-stretch", "font-style", "font-variant", "font-weight", "fr", "from", "fx", "fy",
        "g1", "g2", "glyph-name", "glyphref", "gradienttransform", "gradientunits", "height",
        "horiz-adv-x", "horiz-origin-x", "href", "id", "image-rendering", "in", "in2", "intercept",
        "k", "k1", "k2", "k3", "k4", "kernelmatrix", "kernelunitlength", "kerning", "keypoints",
        "keysplines", "keytimes", "lang", "lengthadjust", "letter-spacing", "lighting-color",
        "local", "marker-end", "marker-mid", "marker-start", "markerheight", "markerunits",
        "markerwidth", "mask", "mask-type", "maskcontentunits", "maskunits", "max", "media",
        "method", "min", "mix-blend-mode", "mode", "name", "numoctaves", "offset", "opacity",
        "operator", "order", "orient", "orientation", "origin", "overflow", "paint-order", "path",
        "pathlength", "patterncontentunits", "patterntransform", "patternunits", "pointer-events",
        "points", "preservealpha", "preserveaspectratio", "primitiveunits", "r", "radius", "refx",
        "refy", "rel", "repeatcount", "repeatdur", "restart", "result", "role", "rotate", "rx", "ry",
        "scale", "seed", "shape-rendering", "slope", "spacing", "specularconstant",
        "specularexponent", "spreadmethod", "startoffset", "stddeviation", "stitchtiles",
        "stop-color", "stop-opacity", "stroke", "stroke-dasharray", "stroke-dashoffset",
        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width",
        "style", "surfacescale", "systemlanguage", "tabindex", "tablevalues", "target", "targetx", "targety",
        "text-anchor", "text-decoration", "text-rendering", "textlength", "to", "transform",
        "transform-box", "transform-origin", "type", "u1", "u2", "unicode", "unicode-bidi",
        "unicode-range", "units-per-em", "values", "vector-effect", "version", "vert-adv-y",
        "vert-origin-x", "vert-origin-y", "viewbox", "visibility", "width", "word-spacing", "wrap",
        "writing-mode", "x", "x1", "x2", "xchannelselector", "y", "y1", "y2", "ychannelselector",
        "z", "zoomandpan",
    ]

    /// The XLink and XML attributes an SVG may carry, by local name.
    static let xlinkAttributes: Set<String> = ["href", "title", "type"]
    static let xmlAttributes: Set<String> = ["space", "lang"]

    /// Elements whose link may leave the drawing: a link to follow, and an image to show.
    static let linkingElements: Set<String> = ["a"]
    static let imageElements: Set<String> = ["image", "feimage"]

    /// Image types an `<image>` may embed as a `data:` address.
    static let embeddedImageTypes = ["data:image/png;", "data:image/jpeg;", "data:image/jpg;",
                                     "data:image/gif;", "data:image/webp;"]

    /// Whether an attribute's name is one of the ARIA or data attributes that carry
    /// no behaviour.
    static func isInertPrefixed(_ name: String) -> Bool {
        name.hasPrefix("aria-") || name.hasPrefix("data-")
    }
}
