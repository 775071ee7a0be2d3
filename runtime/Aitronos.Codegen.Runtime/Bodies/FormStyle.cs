namespace Aitronos.Codegen.Runtime;

/// <summary>How a form field's array or object value is written (the OpenAPI <c>encoding.style</c>).</summary>
public enum FormStyle
{
    /// <summary><c>style: form</c>, the default: <c>tag=a&amp;tag=b</c> exploded, <c>tag=a,b</c> not.</summary>
    Form,

    /// <summary><c>style: spaceDelimited</c>: <c>tag=a%20b</c> when not exploded.</summary>
    SpaceDelimited,

    /// <summary><c>style: pipeDelimited</c>: <c>tag=a|b</c> when not exploded.</summary>
    PipeDelimited,

    /// <summary><c>style: deepObject</c>: <c>metadata[key]=v</c>, <c>expand[0]=x</c>.</summary>
    DeepObject,
}
