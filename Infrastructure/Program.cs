using Amazon.CDK;
using VideoAspire.Infrastructure;

var app = new App();
VideoAspireStack.FromContext(app);
app.Synth();
