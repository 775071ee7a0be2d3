namespace Aitronos.Codegen.Runtime;

/// <summary>
/// How an array or object parameter is written (the OpenAPI parameter <c>style</c>; Swagger 2.0's
/// <c>collectionFormat</c> maps onto it). The README's "Parameters" table has an example of each.
/// </summary>
public enum ParameterStyle
{
    /// <summary><c>simple</c>, the path and header default: <c>3,4,5</c>; an object <c>R,100,G,200</c> (exploded <c>R=100,G=200</c>).</summary>
    Simple,

    /// <summary><c>label</c> (path): <c>.3,4,5</c>, exploded <c>.3.4.5</c>; an object <c>.R,100,G,200</c> (exploded <c>.R=100.G=200</c>).</summary>
    Label,

    /// <summary><c>matrix</c> (path): <c>;id=3,4,5</c>, exploded <c>;id=3;id=4;id=5</c>; an object <c>;id=R,100,G,200</c> (exploded <c>;R=100;G=200</c>).</summary>
    Matrix,

    /// <summary><c>form</c>, the query and cookie default: <c>id=3&amp;id=4</c> exploded, <c>id=3,4</c> not; an object <c>R=100&amp;G=200</c> exploded, <c>id=R,100,G,200</c> not.</summary>
    Form,

    /// <summary><c>spaceDelimited</c> (query; 2.0 <c>ssv</c>): <c>id=3%204%205</c> when not exploded.</summary>
    SpaceDelimited,

    /// <summary><c>pipeDelimited</c> (query; 2.0 <c>pipes</c>): <c>id=3%7C4%7C5</c> when not exploded (a URI cannot hold a bare <c>|</c>).</summary>
    PipeDelimited,

    /// <summary><c>deepObject</c> (query): <c>id[R]=100&amp;id[G]=200</c>, nested objects <c>id[a][b]=1</c>, arrays by index <c>id[0]=x</c>.</summary>
    DeepObject,
}
