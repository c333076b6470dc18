import CLISupport
import Foundation
import MemGateCLI

var standardOutput = StandardOutput()
var standardError = StandardError()
let code = MemGateCommand.run(
    arguments: Array(CommandLine.arguments.dropFirst()), stdout: &standardOutput, stderr: &standardError,
    environment: ProcessInfo.processInfo.environment)
exit(MemGateCommand.exitStatus(code, stdoutFailure: standardOutput.failureDescription, stderr: &standardError))
