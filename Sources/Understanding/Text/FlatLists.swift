/// A list per key (a word's number), all in one array: key k's elements are
/// `elements[starts[k]..<starts[k + 1]]`. An array of arrays costs a retain and
/// a release of the inner array at every look-up, and the classifier looks one
/// up for every hit of every line.
struct FlatLists<Element: Sendable>: Sendable {
    private let starts: [Int32]
    private let elements: [Element]

    /// The lists in key order, each keeping its elements' order.
    init(_ lists: [[Element]]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        for list in lists { starts.append(starts.last! + Int32(list.count)) }
        self.starts = starts
        self.elements = lists.flatMap { $0 }
    }

    /// `body` for each element of each key's list, the keys in the order given.
    @inline(__always)
    func forEach<Keys: Sequence>(in keys: Keys, _ body: (Element) -> Void) where Keys.Element == Int {
        starts.withUnsafeBufferPointer { starts in
            elements.withUnsafeBufferPointer { elements in
                for key in keys {
                    for k in Int(starts[key])..<Int(starts[key + 1]) { body(elements[k]) }
                }
            }
        }
    }
}
