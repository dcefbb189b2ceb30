/// The units in which one word occurs, and how often in each.
struct PostingList: Sendable {
    var units: [Int32] = []   // ascending
    var counts: [Int32] = []  // occurrences of the word in each unit
}

/// Builds the posting lists of a run of units. Every word is interned once
/// into an integer id (ASCII words straight from the text's bytes, other
/// words through `TextFolding.fold`, memoised per spelling), so the per-word
/// work is a hash of a few bytes and an array append.
struct PostingsBuilder {
    private var scanner = WordScanner(memoizing: true)
    /// Lowercased ASCII word → entry; `idOfASCII[entry]` is its word id.
    private var asciiWords = ByteStringInterner()
    private var idOfASCII: [Int32] = []
    /// A non-ASCII word as written → entry; `idOfRaw[entry]` is its folded word's id.
    private var rawWords = ByteStringInterner()
    private var idOfRaw: [Int32] = []
    /// Folded words that are not plain ASCII, keyed as Strings so that
    /// canonically equivalent spellings are one word, as before.
    private var foldedIDs: [String: Int32] = [:]
    private var words: [Word] = []   // by id
    private var postings: [PostingList] = []   // by id

    /// Where a word id's text is, so the vocabulary is built once at the end.
    private enum Word { case ascii(Int32), folded(String) }

    // Per-unit counting: distinct ids of the current unit, with counts kept
    // by id and reset after each unit.
    private var unitWords: [Int32] = []
    private var countByID: [Int32] = []

    /// Adds a unit; `unit` must grow by one each call.
    mutating func add(unit: Int32, text: Substring) {
        // The scanner is moved out while it runs: the closure mutates self.
        var scanner = WordScanner(memoizing: false)
        swap(&scanner, &self.scanner)
        defer { swap(&scanner, &self.scanner) }
        UTF8Scalar.withBytes(of: text) { bytes in
            scanner.forEachWord(in: bytes) { span in
                let id = span.ascii ? asciiID(bytes, span) : nonASCIIID(bytes, span)
                if countByID[Int(id)] == 0 { unitWords.append(id) }
                countByID[Int(id)] += 1
            }
        }
        for id in unitWords {
            postings[Int(id)].units.append(unit)
            postings[Int(id)].counts.append(countByID[Int(id)])
            countByID[Int(id)] = 0
        }
        unitWords.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func asciiID(_ bytes: UnsafeBufferPointer<UInt8>, _ span: WordScanner.Span) -> Int32 {
        let (entry, isNew) = asciiWords.intern(bytes, span.byteStart, span.byteEnd, orMask: 0x20)
        if isNew { idOfASCII.append(newWord(.ascii(entry))) }
        return idOfASCII[Int(entry)]
    }

    private mutating func nonASCIIID(_ bytes: UnsafeBufferPointer<UInt8>, _ span: WordScanner.Span) -> Int32 {
        let (entry, isNew) = rawWords.intern(bytes, span.byteStart, span.byteEnd, orMask: 0)
        if !isNew { return idOfRaw[Int(entry)] }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.byteStart..<span.byteEnd]), as: UTF8.self)
        var folded = TextFolding.fold(raw)
        let id: Int32
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            // Folds to plain ASCII ("café" → "cafe"): the same word as the ASCII spelling.
            id = UTF8Scalar.withBytes(of: folded) { fb in
                let (e, new) = asciiWords.intern(fb, 0, fb.count, orMask: 0)
                if new { idOfASCII.append(newWord(.ascii(e))) }
                return idOfASCII[Int(e)]
            }
        } else if let known = foldedIDs[folded] {
            id = known
        } else {
            folded.makeContiguousUTF8()
            id = newWord(.folded(folded))
            foldedIDs[folded] = id
        }
        idOfRaw.append(id)
        return id
    }

    private mutating func newWord(_ word: Word) -> Int32 {
        words.append(word)
        postings.append(PostingList())
        countByID.append(0)
        return Int32(words.count - 1)
    }

    /// The vocabulary, sorted, with the posting list of each word at the
    /// same position.
    consuming func finish() -> SortedPostings {
        let texts = words.map { word -> String in
            switch word {
            case .ascii(let entry): asciiWords.string(entry)
            case .folded(let s): s
            }
        }
        let order = texts.indices.sorted { texts[$0] < texts[$1] }
        return SortedPostings(vocabulary: order.map { texts[$0] }, postings: order.map { postings[$0] })
    }
}

/// A sorted vocabulary and each word's posting list at the same position.
struct SortedPostings {
    var vocabulary: [String] = []
    var postings: [PostingList] = []

    /// Appends a later run's results (every unit of `later` follows every
    /// unit of self): vocabularies merged in order, a word's lists
    /// concatenated. Lists are moved, not copied, so memory stays flat.
    mutating func append(_ later: consuming SortedPostings) {
        var a = SortedPostings(), b = later
        swap(&a, &self)
        vocabulary.reserveCapacity(max(a.vocabulary.count, b.vocabulary.count))
        postings.reserveCapacity(vocabulary.capacity)
        var i = 0, j = 0
        while i < a.vocabulary.count || j < b.vocabulary.count {
            if j == b.vocabulary.count || (i < a.vocabulary.count && a.vocabulary[i] < b.vocabulary[j]) {
                take(&a, i); i += 1
            } else if i == a.vocabulary.count || b.vocabulary[j] < a.vocabulary[i] {
                take(&b, j); j += 1
            } else {
                take(&a, i)
                postings[postings.count - 1].units += b.postings[j].units
                postings[postings.count - 1].counts += b.postings[j].counts
                b.postings[j] = PostingList()
                i += 1; j += 1
            }
        }
    }

    private mutating func take(_ from: inout SortedPostings, _ k: Int) {
        var list = PostingList()
        swap(&list, &from.postings[k])
        vocabulary.append(from.vocabulary[k])
        postings.append(list)
    }
}
