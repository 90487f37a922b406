package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.Run;
import org.junit.jupiter.api.Test;

/** {@code poolscope completion bash|zsh} and {@code --version} (issue 15, point 8). */
class CompletionAndVersionTest {
    @Test
    void bashCompletionKnowsEverySubcommandAndTheirOptions() {
        Run.Cli r = Run.cli("completion", "bash");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("complete -F _complete_poolscope")
                .contains("analyze", "check", "watch", "merge", "report", "generate", "completion")
                .contains("--format", "--junit", "--prometheus", "--summary");
    }

    @Test
    void zshGetsTheScriptThatLoadsBashcompinit() {
        Run.Cli zsh = Run.cli("completion", "zsh");
        assertThat(zsh.code()).isZero();
        assertThat(zsh.out()).contains("bashcompinit").isEqualTo(Run.cli("completion", "bash").out());
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Run.Cli r = Run.cli("completion", "fish");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("fish");
    }

    /** The build writes the commit (test-classes see target/classes); outside a git checkout it says unknown. */
    @Test
    void versionNamesTheCommit() {
        Run.Cli r = Run.cli("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).matches("poolscope .+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)");
        assertThat(Version.commit()).isNotBlank();
    }
}
