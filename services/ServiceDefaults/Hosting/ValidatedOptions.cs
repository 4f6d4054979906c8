using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NewsPlatform.ServiceDefaults.Hosting;

/// <summary>One wrong setting: its name inside the options' section (<c>HalfLife</c>) and what is wrong with it.</summary>
public readonly record struct SettingProblem(string Setting, string Problem);

/// <summary>Settings read from one configuration section that can tell what is wrong with their values.</summary>
public interface IValidatedOptions
{
    /// <summary>Every setting whose value the service cannot run with; empty when all are usable.</summary>
    IEnumerable<SettingProblem> Validate();
}

/// <summary>
/// The one way a NewsPlatform host reads a section of settings: bound to its options class, checked by the class's
/// <see cref="IValidatedOptions.Validate"/>, and refused at start-up (<c>ValidateOnStart</c>) with a message that
/// names each wrong setting as an operator writes it — <c>'Trending:HalfLife' must be positive; it is -01:00:00
/// (environment variable Trending__HalfLife)</c>.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Registers <typeparamref name="T"/> (named <paramref name="name"/>, for several sections of one type) from
    /// <paramref name="section"/> for <see cref="IOptions{TOptions}"/>, validated when the host starts, and returns the
    /// values as configured now, already validated, for what is wired up at registration.
    /// </summary>
    public static T AddValidatedOptions<T>(this IHostApplicationBuilder builder, string section, string? name = null)
        where T : class, IValidatedOptions, new()
    {
        name ??= Options.DefaultName;
        // Two features may read one section (the gateway's RetryAfter and MaxRequestBodySize): register it once.
        if (!builder.Services.Any(d => d.ImplementationInstance is SectionValidator<T> v && v.Name == name))
        {
            builder.Services.AddOptions<T>(name).Bind(builder.Configuration.GetSection(section)).ValidateOnStart();
            builder.Services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(name, section));
        }

        var values = Read<T>(builder.Configuration, section);
        if (Failures(section, values) is { Count: > 0 } failures) throw new OptionsValidationException(name, typeof(T), failures);
        return values;
    }

    /// <summary>The message for one wrong setting, the same at registration and at start-up.</summary>
    public static string Failure(string section, SettingProblem problem)
    {
        var key = $"{section}:{problem.Setting}";
        return $"NewsPlatform cannot start: '{key}' {problem.Problem.TrimEnd('.')} (environment variable {key.Replace(":", "__")}).";
    }

    static List<string> Failures<T>(string section, T values) where T : IValidatedOptions =>
        values.Validate().Select(p => Failure(section, p)).ToList();

    static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key ("Failed to convert configuration value at 'Trending:HalfLife' to type ...").
            throw new InvalidOperationException(
                $"NewsPlatform cannot start: {ex.Message} Settings under '{section}' are set as environment variables {section.Replace(":", "__")}__<Setting>.", ex);
        }
    }

    sealed class SectionValidator<T>(string name, string section) : IValidateOptions<T> where T : class, IValidatedOptions
    {
        public string Name => name;

        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if ((optionsName ?? Options.DefaultName) != Name) return ValidateOptionsResult.Skip;
            var failures = Failures(section, options);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
