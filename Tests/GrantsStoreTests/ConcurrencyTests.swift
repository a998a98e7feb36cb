import Dispatch
import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Synchronization
import Testing

/// Runs `body(index)` on `count` threads of their own, released together once all are started, and returns when
/// all have finished. (`DispatchQueue.concurrentPerform` would use only as many threads as there are cores.)
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let started = DispatchGroup()
    let finished = DispatchGroup()
    let go = DispatchSemaphore(value: 0)
    for index in 0..<count {
        started.enter()
        finished.enter()
        let thread = Thread {
            started.leave()
            go.wait()
            body(index)
            finished.leave()
        }
        thread.start()
    }
    started.wait()
    for _ in 0..<count { go.signal() }
    finished.wait()
}

/// Values handed in from many threads.
final class Collected<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    func add(_ value: Value) { values.withLock { $0.append(value) } }
    var all: [Value] { values.withLock { $0 } }
}

/// Writers racing on one file in one process: the IMMEDIATE transaction lets exactly as many through as fit.
@Suite struct ConcurrencyTests {
    @Test func twentyWritersOnAFiveThousandPoundAllocation() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        do {
            let ledger = try Ledger(path: path)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        }
        let writers = 20
        let batches = try (0..<writers).map { index in
            try LedgerFile.parse(Fixtures.award(id: "AW-\(index)", amount: "1000.00"), file: "award-\(index).yaml")
        }
        let results = Collected<(Int, Result<RecordOutcome, LedgerError>)>()
        onThreads(writers) { index in
            let result: Result<RecordOutcome, LedgerError>
            do throws(LedgerError) {
                let ledger = try Ledger(path: path)
                result = .success(try ledger.record(batches[index], as: Fixtures.change("writer \(index)")))
            } catch {
                result = .failure(error)
            }
            results.add((index, result))
        }
        let all = results.all
        #expect(all.count == writers)
        #expect(Set(all.map(\.0)).count == writers)

        var succeeded: [Int] = []
        var failures: [LedgerError] = []
        for (index, result) in all {
            switch result {
            case .success(let outcome):
                succeeded.append(index)
                #expect(outcome.addedCount == 1)
            case .failure(let error):
                failures.append(error)
            }
        }
        #expect(succeeded.count == 5)
        #expect(failures.count == 15)
        #expect(failures.allSatisfy { $0.code == .exceedsAllocation }, "\(failures.map(\.description))")
        #expect(failures.allSatisfy { $0.message.contains("over its £5,000.00") })

        let ledger = try Ledger(path: path)
        let line = try #require(try ledger.status().csps.first)
        #expect(line.committed == (try money("5000.00")))
        #expect(try line.remaining() == .zero)
        #expect(try ledger.counts()[.award] == 5)
        let awardLines = try ledger.history().filter { $0.kind == "award" }
        #expect(Set(awardLines.map(\.entryID)) == Set(succeeded.map { "AW-\($0)" }))
    }

    /// Many writers importing the same file at once: it is added once, and every other writer finds it unchanged.
    @Test func twentyWritersRecordingTheSameBatch() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        do {
            let ledger = try Ledger(path: path)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        }
        let same = try LedgerFile.parse(Fixtures.award(id: "AW-1", amount: "1000.00"), file: "award.yaml")
        let outcomes = Collected<Result<RecordOutcome, LedgerError>>()
        onThreads(20) { _ in
            do throws(LedgerError) {
                outcomes.add(.success(try Ledger(path: path).record(same, as: Fixtures.change())))
            } catch {
                outcomes.add(.failure(error))
            }
        }
        let succeeded = outcomes.all.compactMap { try? $0.get() }
        #expect(succeeded.count == 20, "\(outcomes.all)")
        #expect(succeeded.map(\.addedCount).reduce(0, +) == 1)
        #expect(succeeded.map(\.unchanged).reduce(0, +) == 19)
        #expect(try Ledger(path: path).history(entryID: "AW-1").count == 1)
    }
}
