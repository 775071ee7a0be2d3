using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests
{
    /// <summary>What generated <c>services.Add{Client}(...)</c> registrations rely on: options from configuration's pairs, and handler detection.</summary>
    public sealed class ApiClientRegistrationTests
    {
        [Fact]
        public void Bind_sets_every_option_from_configuration_pairs_case_insensitively()
        {
            var options = new ApiClientOptions();

            ApiClientRegistration.Bind(options, Pairs(
                ("baseurl", "https://api.example.com/v2"),
                ("ApiKey", "ak_1"),
                ("ApiKeys:appId", "app_1"),
                ("ApiKeys", null),
                ("AccessToken", "tok"),
                ("UserName", "u"),
                ("Password", "p"),
                ("ClientId", "cid"),
                ("ClientSecret", "cs"),
                ("TokenUrl", "https://auth.example.com/token"),
                ("Scopes:1", "write"),
                ("Scopes:0", "read"),
                ("ClientAuthentication", "requestbody"),
                ("Timeout", "00:00:05"),
                ("CallTimeout", "infinite"),
                ("MaxRetries", "4"),
                ("InitialRetryDelay", "00:00:00.250"),
                ("MaxRetryDelay", "00:00:03"),
                ("MaxRetryAfter", "00:00:20"),
                ("DefaultHeaders:X-Tenant", "t1"),
                ("UserAgent", "ua/1"),
                ("CrossOriginRedirects", "Refuse"),
                ("MaxRedirects", "3"),
                ("SomethingElse", "ignored")));

            Assert.Equal(new Uri("https://api.example.com/v2"), options.BaseUrl);
            Assert.Equal("ak_1", options.ApiKey);
            Assert.Equal("app_1", options.ApiKeys["appId"]);
            Assert.Equal(("tok", "u", "p", "cid", "cs"), (options.AccessToken, options.UserName, options.Password, options.ClientId, options.ClientSecret));
            Assert.Equal(new Uri("https://auth.example.com/token"), options.TokenUrl);
            Assert.Equal(new[] { "read", "write" }, options.Scopes);
            Assert.Equal(OAuthClientAuthentication.RequestBody, options.ClientAuthentication);
            Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
            Assert.Equal(Timeout.InfiniteTimeSpan, options.CallTimeout);
            Assert.Equal(4, options.MaxRetries);
            Assert.Equal(TimeSpan.FromMilliseconds(250), options.InitialRetryDelay);
            Assert.Equal(TimeSpan.FromSeconds(3), options.MaxRetryDelay);
            Assert.Equal(TimeSpan.FromSeconds(20), options.MaxRetryAfter);
            Assert.Equal("t1", options.DefaultHeaders["x-tenant"]);
            Assert.Equal("ua/1", options.UserAgent);
            Assert.Equal(CrossOriginRedirectPolicy.Refuse, options.CrossOriginRedirects);
            Assert.Equal(3, options.MaxRedirects);
        }

        [Theory]
        [InlineData("MaxRetries", "-1")]
        [InlineData("MaxRetries", "two")]
        [InlineData("Timeout", "soon")]
        [InlineData("BaseUrl", "not a url")]
        [InlineData("CrossOriginRedirects", "7")]
        public void Bind_refuses_a_bad_value_naming_the_key(string key, string value)
        {
            var exception = Assert.Throws<InvalidOperationException>(() => ApiClientRegistration.Bind(new ApiClientOptions(), Pairs((key, value))));

            Assert.Contains("'" + key + "'", exception.Message);
        }

        [Fact]
        public void A_credential_that_fails_to_bind_is_not_shown()
        {
            var exception = Assert.Throws<InvalidOperationException>(() => ApiClientRegistration.Bind(new ApiClientOptions(), Pairs(("TokenUrl", "secret-looking-value"))));

            Assert.DoesNotContain("secret-looking-value", exception.Message);
        }

        [Fact]
        public void Retries_are_left_to_a_resilience_handler_anywhere_in_the_chain_and_kept_otherwise()
        {
            var withResilience = new Outer(new Microsoft.Extensions.Http.Resilience.ResilienceHandler(new HttpClientHandler()));
            var options = new ApiClientOptions();

            Assert.True(ApiClientRegistration.LeaveRetriesToHandlers(options, withResilience));
            Assert.Equal(0, options.MaxRetries);

            var plain = new ApiClientOptions();
            Assert.False(ApiClientRegistration.LeaveRetriesToHandlers(plain, new Outer(new HttpClientHandler())));
            Assert.Equal(2, plain.MaxRetries);
            Assert.False(ApiClientRegistration.RetriesInHandlers(null));
        }

        [Fact]
        public void The_primary_handler_leaves_redirects_to_the_client()
        {
            using var handler = (HttpClientHandler)ApiClientRegistration.CreatePrimaryHandler();

            Assert.False(handler.AllowAutoRedirect);
        }

        private static IEnumerable<KeyValuePair<string, string?>> Pairs(params (string Key, string? Value)[] pairs)
        {
            foreach (var (key, value) in pairs)
            {
                yield return new KeyValuePair<string, string?>(key, value);
            }
        }

        private sealed class Outer : DelegatingHandler
        {
            public Outer(HttpMessageHandler inner)
                : base(inner)
            {
            }
        }
    }
}

// Detection goes by the handler's full type name (the runtime references no resilience package): a stand-in of that name.
namespace Microsoft.Extensions.Http.Resilience
{
    internal sealed class ResilienceHandler : System.Net.Http.DelegatingHandler
    {
        public ResilienceHandler(System.Net.Http.HttpMessageHandler inner)
            : base(inner)
        {
        }
    }
}
