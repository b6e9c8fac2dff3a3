using System.ComponentModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Insights.Notebooks;

/// <summary>
/// How a running cell is stopped (interrupt, cell timeout). .NET cannot abort a thread, and a compiled script loop
/// such as <c>while (true) {}</c> never reaches an await where Roslyn would look at a cancellation token. So before a
/// cell is compiled, every loop body gets a call to <see cref="Check"/> as its first statement, which throws
/// <see cref="OperationCanceledException"/> once the running cell's token is cancelled. The call is put on the
/// line where the body starts, so compiler messages and stack traces keep the cell's own line numbers.
/// Code that blocks outside a loop (a long <c>Thread.Sleep</c>, a blocking read) is not reached this way.
/// </summary>
public static class CellInterrupt
{
    static readonly AsyncLocal<CancellationToken> Running = new();

    /// <summary>Called by the code injected into every loop; not meant for notebooks.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Check() => Running.Value.ThrowIfCancellationRequested();

    /// <summary>The token the running cell's loops watch (async-local: parallel runs do not share it).</summary>
    internal static CancellationToken Token
    {
        get => Running.Value;
        set => Running.Value = value;
    }

    /// <summary>The cell's code with a check at the top of every loop body (for, foreach, while, do, in lambdas and
    /// local functions too).</summary>
    internal static string Inject(string code, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(code, options);
        var rewritten = new LoopRewriter().Visit(tree.GetRoot());
        return rewritten.ToFullString();
    }

    sealed class LoopRewriter : CSharpSyntaxRewriter
    {
        static readonly StatementSyntax CheckCall = SyntaxFactory.ParseStatement("global::Insights.Notebooks.CellInterrupt.Check();");

        public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
        {
            var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
        {
            var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
        {
            var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
        {
            var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
        {
            var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
            return visited.WithStatement(Checked(visited.Statement));
        }

        /// <summary>A block gets the check after its brace; a single statement (or <c>;</c>) is wrapped in a block.
        /// No line breaks are added, so every line of the cell keeps its number.</summary>
        static StatementSyntax Checked(StatementSyntax body)
        {
            if (body is BlockSyntax block)
                return block.WithStatements(block.Statements.Insert(0, CheckCall));
            return SyntaxFactory.Block(CheckCall, body.WithoutLeadingTrivia().WithoutTrailingTrivia())
                .WithLeadingTrivia(body.GetLeadingTrivia())
                .WithTrailingTrivia(body.GetTrailingTrivia());
        }
    }
}
