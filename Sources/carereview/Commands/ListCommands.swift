import ArgumentParser
import CareReview

struct ProposalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposals",
        abstract: "List the Review's proposals with a stance tally for each.",
        discussion: """
        Examples:
          carereview proposals
          carereview proposals --sort divided
          carereview proposals --chapter 5 --stance opposes
        """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var filters: FilterOptions
    @Option(help: "Order: chapter, positions (most first) or divided (most divided first).")
    var sort: ProposalSort = .chapter

    func run() throws {
        let c = try corpus.load()
        print(Reports.proposals(c, order: sort.order, filter: filters.filter()), terminator: "")
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show every stakeholder's position on one proposal, with quotes and sources.",
        discussion: """
        PROPOSAL may be an id, an unambiguous prefix, an alias or a near miss.
        Examples:
          carereview show iro
          carereview show regional-care-cooperatives --stance concerned,opposes
          carereview show RCC --kind charity
        """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var filters: FilterOptions
    @Argument(help: "The proposal.", completion: NameCompletion.proposals) var proposal: String

    func run() throws {
        let c = try corpus.load()
        let p = try resolveProposal(proposal, in: c)
        print(Reports.show(p, c, filter: filters.filter()), terminator: "")
    }
}

struct StakeholdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stakeholders",
        abstract: "List the stakeholders and how many positions each takes.",
        discussion: """
        Examples:
          carereview stakeholders
          carereview stakeholders --kind charity,academic
        """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var filters: FilterOptions

    func run() throws {
        let c = try corpus.load()
        print(Reports.stakeholders(c, filter: filters.filter()), terminator: "")
    }
}

struct StakeholderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stakeholder",
        abstract: "Show all positions of one stakeholder across the proposals.",
        discussion: """
        NAME may be an id, a prefix, an alias (Carolyne Willow) or a near miss (article39).
        Examples:
          carereview stakeholder become
          carereview stakeholder "Carolyne Willow"
          carereview stakeholder adcs --chapter 5
        """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var filters: FilterOptions
    @Argument(help: "The stakeholder.", completion: NameCompletion.stakeholders) var name: String

    func run() throws {
        let c = try corpus.load()
        let s = try resolveStakeholder(name, in: c)
        print(Reports.stakeholder(s, c, filter: filters.filter()), terminator: "")
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search quotes, summaries, titles and the articles' text.",
        discussion: """
        Every word must occur; the last may be the start of a word. Case,
        accents and curly quotes are ignored.
        Examples:
          carereview search kinship
          carereview search "independent reviewing"
          carereview search poverty --limit 5
        """)

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "Show at most N matches.") var limit: Int = 20
    @Argument(parsing: .remaining, help: "The words to look for.") var query: [String]

    func validate() throws {
        if query.joined().trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give the words to search for") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let c = try corpus.load()
        let text = query.joined(separator: " ")
        let hits = SearchIndex(corpus: c).search(text, limit: limit)
        print(Reports.search(hits, query: text, c), terminator: "")
    }
}

import Foundation
