import Testing
@testable import InitLab

@Suite struct JSONTests {
    @Test func parsesEveryKindOfValueAndKeepsMemberOrder() throws {
        let json = try JSONParser.parse(#"{"b": [1, -2.5e3, true, false, null], "a": {"s": "x\"\u00e9\n"}}"#)
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a"])
        #expect(json["b"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        #expect(json["a"]?["s"] == .string("x\"é\n"))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a quoted key"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}'"),
        ("[1, 2", 1, 6, "expected ',' or ']'"),
        ("{\"a\": tru}", 1, 7, "invalid literal"),
        ("{\"a\": 01}", 1, 7, "leading zeros"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key"),
        ("{\"a\": \"x}", 1, 10, "unterminated string"),
        ("", 1, 1, "unexpected end of file"),
        ("{} {}", 1, 4, "unexpected text"),
    ])
    func syntaxErrorsSayWhereAndWhat(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed \(text)")
        } catch let error as JSONSyntaxError {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func writesNonFiniteAsNullAndFloatsShortest() throws {
        let json = JSON.array([JSON(Float(2.3025851)), JSON(Float.nan), JSON(Float.infinity), JSON(Double(3)), JSON(Float(1e-8))])
        let text = json.formatted()
        #expect(text == "[2.3025851, null, null, 3, 1e-08]\n")
        #expect(try JSONParser.parse(text) == json)
    }

    @Test func formattedTextParsesBackToTheSameValue() throws {
        let long = JSON.array((0..<300).map { JSON(Float($0) / 7) })
        let value = JSON.object([("name", .string("tab\there")), ("values", long), ("nested", .object([("empty", .array([]))]))])
        #expect(try JSONParser.parse(value.formatted()) == value)
    }
}
