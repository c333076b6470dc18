/// An input or output problem a command reports before exiting 2 (unreadable file,
/// invalid config, unwritable output, a side that cannot be built). Its description is the
/// whole message shown to the user, naming the file and the problem.
package struct CommandError: Error, CustomStringConvertible {
    /// The message, naming the file and the problem.
    package var message: String
    /// The message.
    package var description: String { message }

    /// An error with `message`.
    package init(_ message: String) { self.message = message }
    /// An error whose message is `error`'s description.
    package init(_ error: some Error) { self.message = "\(error)" }
}
