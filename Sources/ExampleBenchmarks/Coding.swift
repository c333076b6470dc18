import BenchKit
import Foundation

/// Foundation's JSON coders on a small document.
enum Coding {
    struct Order: Codable {
        var id: Int
        var customer: String
        var items: [Item]
        var paid: Bool
    }

    struct Item: Codable {
        var sku: String
        var quantity: Int
        var price: Double
    }

    static let orders: [Order] = (0..<20).map { i in
        let items = (0..<3).map { Item(sku: "SKU-\(i)-\($0)", quantity: $0 + 1, price: Double(i) * 1.25) }
        return Order(id: i, customer: "customer-\(i)", items: items, paid: i % 2 == 0)
    }

    static func register(_ suite: Suite) {
        let encoded = try! JSONEncoder().encode(orders)
        suite.benchmark("json/encode", configuration: .init(throughput: .bytes(encoded.count))) { b in
            let encoder = JSONEncoder()
            var size = 0
            for _ in b.loop {
                let data = try encoder.encode(orders)
                size = data.count
                blackHole(data)
            }
            // A custom, exact metric: the document size, so a format change is noticed.
            b.report(Double(size), unit: "B", name: "documentSize", exact: true)
        }
        suite.benchmark("json/decode", configuration: .init(throughput: .bytes(encoded.count))) { b in
            let decoder = JSONDecoder()
            for _ in b.loop {
                blackHole(try decoder.decode([Order].self, from: encoded))
            }
        }
    }
}
