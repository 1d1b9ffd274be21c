# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-orthogonal.gp` in this folder (reads weights-orthogonal.dat).
reset
set terminal pngcairo size 960,1320 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-orthogonal.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'Orthogonal (tanh gain): each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.010182642638683318
set xrange [-0.27284620627760886:0.28719913884997367]
set xtics 0.2
plot 'weights-orthogonal.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.02334147334098816
set xrange [-0.64407899081707:0.6397020429372787]
set xtics 0.5
plot 'weights-orthogonal.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.023072808980941772
set xrange [-0.5739752501249313:0.6950292438268661]
set xtics 0.5
plot 'weights-orthogonal.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.023450827598571776
set xrange [-0.6641260385513306:0.6256694793701172]
set xtics 0.5
plot 'weights-orthogonal.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.022342737913131714
set xrange [-0.6326847285032272:0.596165856719017]
set xtics 0.5
plot 'weights-orthogonal.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.021814326047897337
set xrange [-0.5928269118070603:0.6069610208272934]
set xtics 0.5
plot 'weights-orthogonal.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.022586461305618286
set xrange [-0.5838714152574539:0.6583839565515518]
set xtics 0.5
plot 'weights-orthogonal.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.02478658437728882
set xrange [-0.6414654672145843:0.7217966735363006]
set xtics 0.5
plot 'weights-orthogonal.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.022668459415435792
set xrange [-0.6283820331096649:0.6183832347393036]
set xtics 0.5
plot 'weights-orthogonal.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.026341590881347656
set xrange [-0.7742760419845581:0.674511456489563]
set xtics 0.5
plot 'weights-orthogonal.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 11'
set boxwidth 0.017863051891326906
set xrange [-0.517966490983963:0.46450136303901673]
set xtics 0.2
plot 'weights-orthogonal.dat' index 10 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 10 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
