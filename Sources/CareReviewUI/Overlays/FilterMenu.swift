import CareReview

/// The `f` menu: every value of the four filter dimensions, toggled in place.
public enum FilterMenu {
    public enum Item: Hashable, Sendable {
        case stance(Stance), kind(StakeholderKind), stage(Stage), theme(Theme)
    }

    public static let items: [Item] = Stance.allCases.map(Item.stance) + StakeholderKind.allCases.map(Item.kind)
        + Stage.allCases.map(Item.stage) + Theme.allCases.map(Item.theme)

    /// The section heading an item starts, if it is the first of its section.
    public static func heading(before index: Int) -> String? {
        switch index {
        case 0: "Stance"
        case Stance.allCases.count: "Stakeholder kind"
        case Stance.allCases.count + StakeholderKind.allCases.count: "Stage"
        case Stance.allCases.count + StakeholderKind.allCases.count + Stage.allCases.count: "Theme (chapter)"
        default: nil
        }
    }

    public static func label(_ item: Item, glyphs: GlyphSet) -> String {
        switch item {
        case .stance(let s): "\(glyphs.stance(s)) \(s.rawValue)"
        case .kind(let k): k.label
        case .stage(let s): s.label
        case .theme(let t): t.label
        }
    }

    public static func isOn(_ item: Item, _ f: PositionFilter) -> Bool {
        switch item {
        case .stance(let s): f.stances.contains(s)
        case .kind(let k): f.kinds.contains(k)
        case .stage(let s): f.stages.contains(s)
        case .theme(let t): f.themes.contains(t)
        }
    }

    static func toggle(_ item: Item, _ f: inout PositionFilter) {
        func flip<T: Hashable>(_ set: inout Set<T>, _ v: T) { if set.contains(v) { set.remove(v) } else { set.insert(v) } }
        switch item {
        case .stance(let s): flip(&f.stances, s)
        case .kind(let k): flip(&f.kinds, k)
        case .stage(let s): flip(&f.stages, s)
        case .theme(let t): flip(&f.themes, t)
        }
    }
}

extension State {
    mutating func performInFilterMenu(_ command: Command) {
        let n = FilterMenu.items.count
        switch command {
        case .moveDown: filterCursor = min(n - 1, filterCursor + 1)
        case .moveUp: filterCursor = max(0, filterCursor - 1)
        case .first: filterCursor = 0
        case .last: filterCursor = n - 1
        case .toggleFilterItem: FilterMenu.toggle(FilterMenu.items[filterCursor], &filter)
        case .clearFilters: filter = .none
        case .cancel, .openFilterMenu, .quit, .close: mode = .normal
        default: break
        }
    }
}
