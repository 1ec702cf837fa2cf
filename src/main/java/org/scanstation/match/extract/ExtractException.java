package org.scanstation.match.extract;

/** The extract cannot be read any further (an undecodable byte, an unclosed quote, a bad header). */
public final class ExtractException extends Exception {

    private final ExtractProblem problem;

    public ExtractException(ExtractProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public ExtractException(String message, Throwable cause) {
        super(message, cause);
        this.problem = null;
    }

    /** Where the extract went wrong, when it is known. */
    public ExtractProblem problem() {
        return problem;
    }
}
