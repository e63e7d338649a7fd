extension String {
    /// Whether `needle` occurs in the string as a run of UTF-8 bytes: an exact
    /// (literal) search, no Foundation, no locale.
    func containsBytes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let head = n.first else { return true }
        let h = Array(utf8)
        guard h.count >= n.count else { return false }
        var i = 0
        while i <= h.count - n.count {
            if h[i] == head {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether some scalar is a CJK compatibility ideograph: these decompose
    /// canonically into unified ones, so Foundation's (non-literal) search may
    /// find a word that a byte search does not.
    var hasCompatibilityIdeograph: Bool {
        unicodeScalars.contains { (0xF900...0xFAFF).contains($0.value) || (0x2F800...0x2FA1F).contains($0.value) }
    }
}
