namespace Insights.Model;

/// <summary>
/// One value of a dimension of an NRM table: a category the table publishes, or <see cref="Total"/>, the sum over
/// all of them (a subtotal row or column, or a dimension the table does not break down). The total is a case of
/// its own, not a label: a category published as "Total" is a category like any other, and which header text
/// stands for the total is decided by the readers, where the published layout is known (docs/nrm.md).
/// </summary>
/// <remarks><c>default</c> is <see cref="Total"/>.</remarks>
public readonly record struct Breakdown<T> where T : notnull
{
    readonly T? category;

    Breakdown(T category)
    {
        this.category = category;
        IsCategory = true;
    }

    /// <summary>The total over every category of the dimension.</summary>
    public static Breakdown<T> Total => default;

    public static Breakdown<T> Of(T category) =>
        category is null ? throw new ArgumentNullException(nameof(category)) : new(category);

    public bool IsCategory { get; }

    public bool IsTotal => !IsCategory;

    /// <summary>The category; a total has none.</summary>
    public T Category => IsCategory ? category! : throw new InvalidOperationException("a total has no category");

    /// <summary>The category, or <paramref name="total"/> for the total (to print a dimension in a table).</summary>
    public T CategoryOr(T total) => IsCategory ? category! : total;

    public static implicit operator Breakdown<T>(T category) => Of(category);

    public override string ToString() => IsCategory ? category!.ToString() ?? "" : "(total)";
}
