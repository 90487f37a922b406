package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Building only the named subcommand (as Main does) must not change what any command line prints. */
class SubcommandsTest {

    private static Cli withEverySubcommand(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoolscopeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "check", "watch", "merge", "report", "generate", "completion"})
    void eachSubcommandHelpIsTheSameBuiltAloneOrWithAll(String name) {
        Cli alone = Cli.run(name, "--help");
        assertThat(alone.code()).isZero();
        assertThat(alone.out()).contains("Usage: poolscope " + name);
        assertThat(alone).isEqualTo(withEverySubcommand(name, "--help"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "check", "report"})
    void aBadOptionGetsTheSameMessageAloneOrWithAll(String name) {
        Cli alone = Cli.run(name, "--no-such-option", "x.jsonl");
        assertThat(alone.code()).isEqualTo(ExitCode.USAGE);
        assertThat(alone.err()).contains("Unknown option: '--no-such-option'")
                .contains("Try 'poolscope " + name + " --help'");
        assertThat(alone).isEqualTo(withEverySubcommand(name, "--no-such-option", "x.jsonl"));
    }

    @Test
    void rootHelpListsEverySubcommand() {
        Cli help = Cli.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("analyze", "check", "watch", "merge", "report", "generate", "help");
    }

    @Test
    void helpForASubcommandStillWorks() {
        Cli help = Cli.run("help", "check");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: poolscope check");
    }

    @Test
    void aMistypedSubcommandGetsTheSameMessageAsWithAll() {
        Cli typo = Cli.run("analyse", "x.jsonl");
        assertThat(typo.code()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).contains("Unmatched arguments", "'analyse'", "Try 'poolscope --help'");
        assertThat(typo).isEqualTo(withEverySubcommand("analyse", "x.jsonl"));
    }
}
