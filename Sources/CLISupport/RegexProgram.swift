/// One instruction of a compiled `LinearRegex` (Thompson's construction, as in Russ Cox,
/// "Regular Expression Matching Can Be Simple And Fast", 2007).
enum Instruction: Sendable {
    /// Consume this scalar.
    case scalar(Unicode.Scalar)
    /// Consume a scalar of `classes[index]`.
    case set(Int)
    /// Continue at both targets.
    case split(Int, Int)
    /// Continue at the target.
    case jump(Int)
    /// Continue only where the assertion holds.
    case assert(RegexAssertion)
    /// The pattern matched.
    case match
}

/// Turns a `RegexNode` tree into instructions.
struct RegexCompiler {
    var program: [Instruction] = []
    var classes: [ScalarClass] = []

    mutating func emit(_ instruction: Instruction) {
        program.append(instruction)
    }

    mutating func compile(_ node: RegexNode) throws(LinearRegex.SyntaxError) {
        guard program.count <= LinearRegex.maximumProgramSize else {
            throw LinearRegex.SyntaxError(problem: "the pattern is too large (counts expand it past "
                + "\(LinearRegex.maximumProgramSize) steps)", offset: 0)
        }
        switch node {
        case .empty: break
        case .scalar(let scalar): emit(.scalar(scalar))
        case .set(let set):
            classes.append(set)
            emit(.set(classes.count - 1))
        case .assertion(let assertion): emit(.assert(assertion))
        case .concatenation(let items):
            for item in items { try compile(item) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index == branches.count - 1 {
                    try compile(branch)
                } else {
                    let split = program.count
                    emit(.split(split + 1, -1))
                    try compile(branch)
                    jumps.append(program.count)
                    emit(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case let .repetition(inner, min, max):
            try repetition(inner, min: min, max: max)
        }
    }

    /// `inner` `min` times, then up to `max - min` optional copies (or a loop when unbounded).
    mutating func repetition(_ inner: RegexNode, min: Int, max: Int?) throws(LinearRegex.SyntaxError) {
        for _ in 0..<min { try compile(inner) }
        guard let max else {
            let split = program.count
            emit(.split(split + 1, -1))
            try compile(inner)
            emit(.jump(split))
            program[split] = .split(split + 1, program.count)
            return
        }
        var splits: [Int] = []
        for _ in min..<max {
            splits.append(program.count)
            emit(.split(program.count + 1, -1))
            try compile(inner)
        }
        for split in splits { program[split] = .split(split + 1, program.count) }
    }
}

/// Runs a program over a text, all threads in lock step: each scalar is looked at once
/// per live instruction, so the work is O(text × program) whatever the pattern.
struct RegexSimulation {
    let regex: LinearRegex
    let text: [Unicode.Scalar]
    /// For each instruction, the last step that added it to a list (no duplicates per step).
    var addedAt: [Int]
    var step = 0

    init(regex: LinearRegex, text: [Unicode.Scalar]) {
        self.regex = regex
        self.text = text
        addedAt = Array(repeating: -1, count: regex.program.count)
    }

    mutating func run() -> Bool {
        var current: [Int] = []
        var next: [Int] = []
        for position in 0...text.count {
            step = position
            if add(0, at: position, to: &current) { return true }  // Unanchored: a new start at each position.
            guard position < text.count else { break }
            step = position + 1
            next.removeAll(keepingCapacity: true)
            for pc in current {
                let consumed: Bool
                switch regex.program[pc] {
                case .scalar(let scalar): consumed = text[position] == scalar
                case .set(let index): consumed = regex.classes[index].contains(text[position])
                default: consumed = false
                }
                if consumed, add(pc + 1, at: position + 1, to: &next) { return true }
            }
            swap(&current, &next)
        }
        return false
    }

    /// Adds `pc` and everything reachable from it without consuming a scalar at `position`
    /// to `list`; true when that reaches `match`.
    mutating func add(_ pc: Int, at position: Int, to list: inout [Int]) -> Bool {
        var stack = [pc]
        while let pc = stack.popLast() {
            guard addedAt[pc] != step else { continue }
            addedAt[pc] = step
            switch regex.program[pc] {
            case .match: return true
            case .jump(let target): stack.append(target)
            case let .split(first, second): stack.append(contentsOf: [second, first])
            case .assert(let assertion):
                let before = position > 0 ? text[position - 1] : nil
                let after = position < text.count ? text[position] : nil
                if assertion.holds(before: before, after: after) { stack.append(pc + 1) }
            case .scalar, .set: list.append(pc)
            }
        }
        return false
    }
}
