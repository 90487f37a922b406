package dev.poolscope.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code poolscope completion bash|zsh}: prints the shell completion script, made by picocli's
 * {@link AutoComplete} from the full command tree. The build writes the same scripts into the
 * distribution archive ({@code completion/}). zsh runs the bash script through its bashcompinit, which
 * the script loads itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script for poolscope.",
            "bash:  source <(poolscope completion bash)     (or save it in /etc/bash_completion.d/)",
            "zsh:   source <(poolscope completion zsh)      (in ~/.zshrc)"})
public final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        // every subcommand, so that all of their options complete
        out.print(AutoComplete.bash("poolscope", PoolscopeCommand.commandLine(out, spec.commandLine().getErr())));
        out.flush();
        return ExitCode.OK;
    }
}
